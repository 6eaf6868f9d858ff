"""Rules the clinic's documents state in plain words, checked over the real database."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration

DOCTOR = {
    "full_name": "Dr Who",
    "specialty": "cardiology",
    "consultation_fee": "50.00",
}


async def booking(client: AsyncClient, license_no: str) -> tuple[int, int, int]:
    """A doctor, a patient and an appointment between them: their ids."""
    doctor = await created(client, "/doctors", {**DOCTOR, "license_no": license_no})
    patient = await created(client, "/patients", {"name": "Ada", "date_of_birth": "1990-01-02"})
    slot = {"starts_at": "2030-01-01T09:00:00Z"}
    keys = {"doctor_id": doctor["id"], "patient_id": patient["id"]}
    appointment = await created(client, "/appointments", {**slot, **keys})
    assert appointment["status"] == "scheduled"
    return doctor["id"], patient["id"], appointment["id"]


async def test_a_license_number_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/doctors", {**DOCTOR, "license_no": "L-1"})
    taken = await db_client.post("/doctors", json={**DOCTOR, "license_no": "L-1"})
    assert taken.status_code == 409


async def test_deleting_a_patient_soft_deletes_their_appointments(db_client: AsyncClient) -> None:
    doctor, patient, appointment = await booking(db_client, "L-2")
    assert (await db_client.delete(f"/patients/{patient}")).status_code == 204
    assert (await db_client.get(f"/patients/{patient}")).status_code == 404
    assert (await db_client.get(f"/appointments/{appointment}")).status_code == 404
    assert (await db_client.get(f"/doctors/{doctor}")).status_code == 200


async def test_deleting_a_doctor_deletes_their_appointments(db_client: AsyncClient) -> None:
    doctor, _, appointment = await booking(db_client, "L-3")
    assert (await db_client.delete(f"/doctors/{doctor}")).status_code == 204
    assert (await db_client.get(f"/appointments/{appointment}")).status_code == 404
