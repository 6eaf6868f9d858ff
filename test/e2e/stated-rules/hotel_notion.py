"""What the Notion hotel's requirements state, checked over the real database.

A guest's email is unique; a room number is unique per floor; every table is soft deleted, and
deleting a guest deletes (softly) their bookings.
"""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def test_an_email_is_one_guest(db_client: AsyncClient) -> None:
    await created(db_client, "/guests", {"full_name": "Ada Lovelace", "email": "ada@example.com"})
    taken = await db_client.post(
        "/guests", json={"full_name": "Ada L.", "email": "ada@example.com"}
    )
    assert taken.status_code == 409, taken.text


async def test_a_room_number_is_unique_per_floor(db_client: AsyncClient) -> None:
    await created(db_client, "/rooms", {"number": "204B", "floor": 2, "rate_per_night": "120.00"})
    await created(db_client, "/rooms", {"number": "204B", "floor": 3, "rate_per_night": "120.00"})
    taken = await db_client.post(
        "/rooms", json={"number": "204B", "floor": 2, "rate_per_night": "99.00"}
    )
    assert taken.status_code == 409, taken.text


async def booked(db_client: AsyncClient) -> dict[str, Any]:
    """A booking of a new guest in a new room."""
    guest = await created(
        db_client, "/guests", {"full_name": "Ada Lovelace", "email": "ada@example.com"}
    )
    room = await created(
        db_client, "/rooms", {"number": "101", "floor": 1, "rate_per_night": "80.00"}
    )
    booking = await created(
        db_client,
        "/bookings",
        {
            "guest_id": guest["id"],
            "room_id": room["id"],
            "check_in": "2026-12-20",
            "check_out": "2026-12-22",
        },
    )
    return booking


async def test_deleting_a_guest_deletes_their_bookings(db_client: AsyncClient) -> None:
    booking = await booked(db_client)
    assert booking["status"] == "pending"
    deleted = await db_client.delete(f"/guests/{booking['guest_id']}")
    assert deleted.status_code == 204, deleted.text
    assert (await db_client.get(f"/guests/{booking['guest_id']}")).status_code == 404
    assert (await db_client.get(f"/bookings/{booking['id']}")).status_code == 404
    listed = await db_client.get("/bookings")
    assert listed.status_code == 200, listed.text
    assert booking["id"] not in [row["id"] for row in listed.json()]


async def test_cancelling_a_booking_sets_its_status(db_client: AsyncClient) -> None:
    booking = await booked(db_client)
    cancelled = await db_client.post(f"/bookings/{booking['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    assert (await db_client.get(f"/bookings/{booking['id']}")).json()["status"] == "cancelled"
