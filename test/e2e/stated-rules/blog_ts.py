"""What the frontend's TypeScript API doc states, checked over the real database.

Every answer is `ApiResponse<T>` (`{code: 0, data, message: 'ok'}`), a list's data a
`PageResult<T>` (`list`, `total`, `page`, `size`); a register sends `RegisterReq` (a password the
answers never carry); a profile change sends `UpdateUserReq` (some fields); roles and statuses are
the unions their aliases name, with their defaults.
"""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration

LIN = {"username": "lin_01", "email": "lin@example.com", "password": "secret123"}


async def test_a_register_stores_the_password_and_answers_the_user_without_it(
    db_client: AsyncClient,
) -> None:
    user = await created(db_client, "/users", LIN)
    assert "password" not in user
    assert user["role"] == "user"
    found = await db_client.get(f"/users/{user['id']}")
    assert found.json() == {"code": 0, "message": "ok", "data": user}


async def test_a_profile_change_sends_some_fields(db_client: AsyncClient) -> None:
    user = await created(db_client, "/users", LIN)
    changed = await db_client.put(f"/users/{user['id']}", json={"bio": "hi"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["data"]["bio"] == "hi"
    assert changed.json()["data"]["username"] == "lin_01"


async def test_lists_come_in_pages_and_errors_in_the_envelope(db_client: AsyncClient) -> None:
    await created(db_client, "/users", LIN)
    page = (await db_client.get("/users", params={"page": 1, "size": 10})).json()
    assert page["code"] == 0
    assert {key: page["data"][key] for key in ("total", "page", "size")} == {
        "total": 1,
        "page": 1,
        "size": 10,
    }
    assert [row["username"] for row in page["data"]["list"]] == ["lin_01"]
    missing = (await db_client.get("/users/999")).json()
    assert (missing["code"], missing["data"]) == (404, None)
    wrong = await db_client.post("/posts", json={"title": "T", "content": "c", "status": "bogus"})
    assert wrong.json()["code"] == 422
