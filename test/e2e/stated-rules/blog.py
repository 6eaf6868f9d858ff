"""Rules the Chinese blog's documents state (notes, 业务规则), checked over the real database."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def article_with_comment(client: AsyncClient, name: str) -> tuple[int, int]:
    """A user's article with a comment and a reply to it: the article's and the reply's ids."""
    user = await created(client, "/users", {"username": name, "email": f"{name}@example.com"})
    article = await created(
        client,
        "/articles",
        {"title": "标题", "slug": f"slug-{name}", "content": "正文", "author_id": user["id"]},
    )
    keys = {"article_id": article["id"], "user_id": user["id"]}
    comment = await created(client, "/comments", {**keys, "body": "沙发"})
    reply = await created(client, "/comments", {**keys, "body": "回复", "parent_id": comment["id"]})
    return article["id"], reply["id"]


async def test_a_username_or_email_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/users", {"username": "ada", "email": "ada@example.com"})
    same_name = {"username": "ada", "email": "other@example.com"}
    assert (await db_client.post("/users", json=same_name)).status_code == 409
    same_email = {"username": "bob", "email": "ada@example.com"}
    assert (await db_client.post("/users", json=same_email)).status_code == 409


async def test_an_article_is_soft_deleted_and_its_comments_go_with_it(
    db_client: AsyncClient,
) -> None:
    article, reply = await article_with_comment(db_client, "carol")
    assert (await db_client.delete(f"/articles/{article}")).status_code == 204
    assert (await db_client.get(f"/articles/{article}")).status_code == 404
    listed = (await db_client.get("/comments")).json()
    assert reply not in [comment["id"] for comment in listed]


async def test_a_reply_keeps_its_parent_comment(db_client: AsyncClient) -> None:
    _, reply = await article_with_comment(db_client, "dave")
    listed = {comment["id"]: comment for comment in (await db_client.get("/comments")).json()}
    assert listed[reply]["parent_id"] is not None
