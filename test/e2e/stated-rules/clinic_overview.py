"""Rules the Vietnamese clinic's API list states in its tables and sentences, over the real database."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration

PATIENT = {"full_name": "Nguyễn Văn An", "phone": "0901000001"}
DOCTOR = {"name": "Trần Bình", "specialty": "nội khoa", "license_no": "BS-001"}


async def test_a_phone_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/patients", PATIENT)
    taken = await db_client.post("/patients", json={**PATIENT, "full_name": "Lê Thị Hoa"})
    assert taken.status_code == 409


async def test_a_license_number_taken_is_a_conflict(db_client: AsyncClient) -> None:
    await created(db_client, "/doctors", DOCTOR)
    taken = await db_client.post("/doctors", json={**DOCTOR, "name": "Phạm Cường"})
    assert taken.status_code == 409


async def test_a_deleted_patient_is_gone_and_their_appointment_stays(
    db_client: AsyncClient,
) -> None:
    patient = await created(db_client, "/patients", PATIENT)
    doctor = await created(db_client, "/doctors", DOCTOR)
    keys = {"patient_id": patient["id"], "doctor_id": doctor["id"]}
    appointment = await created(
        db_client, "/appointments", {**keys, "scheduled_at": "2030-01-01T09:00:00Z"}
    )
    deleted = await db_client.delete(f"/patients/{patient['id']}")
    assert deleted.status_code == 204, deleted.text
    assert (await db_client.get(f"/patients/{patient['id']}")).status_code == 404
    kept = await db_client.get(f"/appointments/{appointment['id']}")
    assert kept.status_code == 200, kept.text
