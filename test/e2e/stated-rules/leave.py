"""Rules the Chinese leave system's documents state (field notes, 业务规则), checked over the real database."""

from typing import Any

import pytest
from httpx import AsyncClient

pytestmark = pytest.mark.integration


async def created(client: AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def employee(number: str) -> dict[str, Any]:
    return {
        "emp_no": number,
        "name": "张伟",
        "email": f"{number}@example.com",
        "dept_id": 1,
        "hire_date": "2024-01-02",
    }


async def leave_request(client: AsyncClient, number: str) -> tuple[int, int]:
    """An employee and a leave request of theirs: the employee's and the request's ids."""
    person = await created(client, "/employees", employee(number))
    kind = await created(
        client, "/leave-types", {"code": f"A{number}", "name": "年假", "paid": True}
    )
    request = await created(
        client,
        "/leave-requests",
        {
            "employee_id": person["id"],
            "leave_type_id": kind["id"],
            "start_time": "2024-05-06T09:00:00Z",
            "end_time": "2024-05-07T18:00:00Z",
            "days": "2.0",
        },
    )
    return person["id"], request["id"]


async def test_an_employee_number_email_or_leave_type_code_taken_is_a_conflict(
    db_client: AsyncClient,
) -> None:
    await created(db_client, "/employees", employee("E001"))
    same_number = {**employee("E001"), "email": "other@example.com"}
    assert (await db_client.post("/employees", json=same_number)).status_code == 409
    same_email = {**employee("E002"), "email": "E001@example.com"}
    assert (await db_client.post("/employees", json=same_email)).status_code == 409
    await created(db_client, "/leave-types", {"code": "SICK", "name": "病假", "paid": True})
    same_code = {"code": "SICK", "name": "病假2", "paid": False}
    assert (await db_client.post("/leave-types", json=same_code)).status_code == 409


async def test_a_deleted_leave_request_is_gone_from_the_api(
    db_client: AsyncClient,
) -> None:
    _, request = await leave_request(db_client, "E010")
    assert (await db_client.delete(f"/leave-requests/{request}")).status_code == 204
    assert (await db_client.get(f"/leave-requests/{request}")).status_code == 404
    listed = (await db_client.get("/leave-requests")).json()
    assert request not in [row["id"] for row in listed]


async def test_deleting_an_employee_deletes_their_leave_requests(
    db_client: AsyncClient,
) -> None:
    person, request = await leave_request(db_client, "E020")
    assert (await db_client.delete(f"/employees/{person}")).status_code == 204
    assert (await db_client.get(f"/leave-requests/{request}")).status_code == 404
