"""Rules the shop's documents state in plain words, checked over the real database."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def product_of(client: AsyncClient, sku: str) -> dict[str, Any]:
    category = await created(client, "/categories", {"name": "Tea", "slug": f"tea-{sku}"})
    body = {"name": "Kettle", "sku": sku, "price": "25.00", "stock": 5}
    return await created(client, "/products", {**body, "category_id": category["id"]})


async def test_a_sku_taken_is_a_conflict(db_client: AsyncClient) -> None:
    product = await product_of(db_client, "KETTLE")
    again = {"name": "Other", "sku": "KETTLE", "price": "1.00", "stock": 1}
    response = await db_client.post(
        "/products", json={**again, "category_id": product["category_id"]}
    )
    assert response.status_code == 409


async def test_a_tag_name_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/tags", {"name": "sale"})
    assert (await db_client.post("/tags", json={"name": "sale"})).status_code == 409


async def test_deleting_a_user_soft_deletes_the_user_and_their_orders(
    db_client: AsyncClient,
) -> None:
    product = await product_of(db_client, "CUP")
    user = await created(db_client, "/users", {"email": "ada@example.com", "username": "ada"})
    other = await created(db_client, "/users", {"email": "bob@example.com", "username": "bob"})
    item = {"product_id": product["id"], "quantity": 1, "unit_price": "25.00"}
    order = await created(db_client, "/orders", {"user_id": user["id"], "items": [item]})
    kept = await created(db_client, "/orders", {"user_id": other["id"], "items": [item]})
    assert (await db_client.delete(f"/users/{user['id']}")).status_code == 204
    assert (await db_client.get(f"/users/{user['id']}")).status_code == 404
    assert (await db_client.get(f"/orders/{order['id']}")).status_code == 404
    assert (await db_client.get(f"/orders/{kept['id']}")).status_code == 200
    listed = await db_client.get("/orders", params={"user_id": user["id"]})
    assert listed.status_code == 200
    assert listed.json() == []
