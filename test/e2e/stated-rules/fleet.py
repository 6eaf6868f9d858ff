"""Uniques the terse fleet list states in words, checked over the real database."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


def vehicle(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "vin": f"VIN{n:014d}",
        "plate": f"PL-{n:04d}",
        "make": "Volvo",
        "model": "FH",
        "year": 2020,
        **fields,
    }


async def test_a_fleet_number_is_unique_per_depot_only(db_client: AsyncClient) -> None:
    north = await created(db_client, "/depots", {"name": "North", "city": "Oslo"})
    south = await created(db_client, "/depots", {"name": "South", "city": "Bergen"})
    await created(db_client, "/vehicles", vehicle(1, fleet_no="F-7", depot_id=north["id"]))
    # The same number in another depot is another vehicle's.
    await created(db_client, "/vehicles", vehicle(2, fleet_no="F-7", depot_id=south["id"]))
    taken = await db_client.post("/vehicles", json=vehicle(3, fleet_no="F-7", depot_id=north["id"]))
    assert taken.status_code == 409, taken.text


async def test_a_license_number_taken_is_a_conflict(db_client: AsyncClient) -> None:
    driver = {
        "name": "Dana K",
        "license_no": "D1234567",
        "license_expires": "2026-03-01",
        "phone": "+1-555-0100",
        "active": True,
    }
    await created(db_client, "/drivers", driver)
    taken = await db_client.post("/drivers", json={**driver, "name": "Dana L"})
    assert taken.status_code == 409, taken.text


async def test_a_vehicle_fills_up_once_at_a_time(db_client: AsyncClient) -> None:
    truck = await created(db_client, "/vehicles", vehicle(4))
    van = await created(db_client, "/vehicles", vehicle(5))
    fill = {
        "liters": "50.00",
        "price_per_liter": "1.899",
        "odometer_km": 1200,
        "filled_at": "2024-05-01T08:00:00Z",
    }
    await created(
        db_client,
        f"/vehicles/{truck['id']}/fuel-logs",
        {**fill, "vehicle_id": truck["id"]},
    )
    # Another vehicle at the same moment, or the same vehicle later, is another fill.
    await created(db_client, f"/vehicles/{van['id']}/fuel-logs", {**fill, "vehicle_id": van["id"]})
    later = {**fill, "vehicle_id": truck["id"], "filled_at": "2024-05-02T08:00:00Z"}
    await created(db_client, f"/vehicles/{truck['id']}/fuel-logs", later)
    again = await db_client.post(
        f"/vehicles/{truck['id']}/fuel-logs", json={**fill, "vehicle_id": truck["id"]}
    )
    assert again.status_code == 409, again.text
