"""Rules the motor pool's documents state: a vehicle is retired by its own `retired_at`, its trips with it."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created, listed

pytestmark = pytest.mark.integration


async def test_retiring_a_vehicle_hides_it_and_its_trips(
    db_client: AsyncClient,
) -> None:
    vehicle = await created(db_client, "/vehicles", {"plate": "B-XY 123"})
    assert vehicle["retired_at"] is None
    trip = await created(db_client, "/trips", {"vehicle_id": vehicle["id"], "km": 12})
    assert (await db_client.delete(f"/vehicles/{vehicle['id']}")).status_code == 204
    assert (await db_client.get(f"/vehicles/{vehicle['id']}")).status_code == 404
    assert vehicle["id"] not in await listed(db_client, "/vehicles")
    assert trip["id"] not in await listed(db_client, "/trips")


async def test_a_client_cannot_retire_a_vehicle_by_sending_retired_at(
    db_client: AsyncClient,
) -> None:
    vehicle = await created(
        db_client,
        "/vehicles",
        {"plate": "B-AB 1", "retired_at": "2024-01-01T00:00:00Z"},
    )
    assert vehicle["retired_at"] is None
    assert (await db_client.get(f"/vehicles/{vehicle['id']}")).status_code == 200


async def test_money_in_euros_is_a_decimal(db_client: AsyncClient) -> None:
    vehicle = await created(db_client, "/vehicles", {"plate": "B-CD 2", "price": "19999.99"})
    assert vehicle["price"] in ("19999.99", "19999.9900", 19999.99)
