"""Rules the Chinese leave system's documents state (field notes, 业务规则), checked over the real database."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def employee(client: AsyncClient, number: str) -> dict[str, Any]:
    """What a new employee of a new department sends."""
    department = await created(client, "/departments", {"name": f"部门{number}"})
    return {
        "emp_no": number,
        "name": "张伟",
        "email": f"{number}@example.com",
        "dept_id": department["id"],
        "hire_date": "2024-01-02",
    }


async def leave_request(client: AsyncClient, number: str) -> dict[str, Any]:
    """An employee's leave request."""
    person = await created(client, "/employees", await employee(client, number))
    kind = await created(
        client, "/leave-types", {"code": f"A{number}", "name": "年假", "paid": True}
    )
    return await created(
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


async def test_an_employee_number_email_or_leave_type_code_taken_is_a_conflict(
    db_client: AsyncClient,
) -> None:
    first = await employee(db_client, "E001")
    await created(db_client, "/employees", first)
    same_number = {**first, "email": "other@example.com"}
    assert (await db_client.post("/employees", json=same_number)).status_code == 409
    same_email = {**first, "emp_no": "E002"}
    assert (await db_client.post("/employees", json=same_email)).status_code == 409
    await created(db_client, "/leave-types", {"code": "SICK", "name": "病假", "paid": True})
    same_code = {"code": "SICK", "name": "病假2", "paid": False}
    assert (await db_client.post("/leave-types", json=same_code)).status_code == 409


async def test_a_deleted_leave_request_is_gone_from_the_api(db_client: AsyncClient) -> None:
    request = await leave_request(db_client, "E010")
    assert (await db_client.delete(f"/leave-requests/{request['id']}")).status_code == 204
    assert (await db_client.get(f"/leave-requests/{request['id']}")).status_code == 404
    listed = (await db_client.get("/leave-requests")).json()
    assert request["id"] not in [row["id"] for row in listed]


async def test_a_department_with_employees_stays_and_an_employee_takes_their_requests_along(
    db_client: AsyncClient,
) -> None:
    request = await leave_request(db_client, "E020")
    person = (await db_client.get(f"/employees/{request['employee_id']}")).json()
    department = person["dept_id"]
    assert (await db_client.delete(f"/departments/{department}")).status_code == 409
    assert (await db_client.delete(f"/employees/{person['id']}")).status_code == 204
    assert (await db_client.get(f"/leave-requests/{request['id']}")).status_code == 404
    assert (await db_client.delete(f"/departments/{department}")).status_code == 204
