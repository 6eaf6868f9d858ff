"""Uniques the hotel requirements scope to one hotel's rooms, checked over the real database."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


def room(hotel: dict[str, Any], room_no: str, code: str) -> dict[str, Any]:
    return {
        "hotel_id": hotel["id"],
        "room_no": room_no,
        "code": code,
        "floor": 8,
        "price": "120.00",
    }


async def test_a_room_number_is_unique_within_its_hotel_only(
    db_client: AsyncClient,
) -> None:
    harbour = await created(db_client, "/hotels", {"name": "Harbour", "city": "Qingdao"})
    garden = await created(db_client, "/hotels", {"name": "Garden", "city": "Suzhou"})
    await created(db_client, "/rooms", room(harbour, "0801", "H-0801"))
    # 不同酒店可以有相同的房间号: the same number in another hotel is another room.
    await created(db_client, "/rooms", room(garden, "0801", "G-0801"))
    taken = await db_client.post("/rooms", json=room(harbour, "0801", "H-0801-B"))
    assert taken.status_code == 409, taken.text


async def test_a_room_code_is_unique_within_its_hotel_only(
    db_client: AsyncClient,
) -> None:
    harbour = await created(db_client, "/hotels", {"name": "Harbour", "city": "Qingdao"})
    garden = await created(db_client, "/hotels", {"name": "Garden", "city": "Suzhou"})
    await created(db_client, "/rooms", room(harbour, "0802", "STD"))
    # A code is no longer unique by its name alone: the rule scopes it to the hotel.
    await created(db_client, "/rooms", room(garden, "0802", "STD"))
    taken = await db_client.post("/rooms", json=room(harbour, "0803", "STD"))
    assert taken.status_code == 409, taken.text


async def test_a_hotel_name_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/hotels", {"name": "Harbour", "city": "Qingdao"})
    taken = await db_client.post("/hotels", json={"name": "Harbour", "city": "Xiamen"})
    assert taken.status_code == 409, taken.text
