"""What the formal Chinese HR spec states (its tables' 备注 and 默认值, 业务规则), checked over the real database.

Every answer comes in the spec's envelope (`{"code": 200, "msg": "success", "data": ...}`), a list's
data a page (`{"total": ..., "rows": [...]}`), as its 通用响应格式 says.
"""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import answer, created

pytestmark = pytest.mark.integration


async def employee(client: AsyncClient, number: str) -> dict[str, Any]:
    """What a new employee of a new department sends."""
    department = await created(
        client, "/depts", {"deptName": f"部门{number}", "deptCode": f"D{number}"}
    )
    return {
        "empNo": number,
        "empName": "张伟",
        "mobile": f"138{number:0>8}",
        "hireDate": "2024-01-02",
        "deptId": department["deptId"],
    }


async def test_a_department_is_found_by_the_key_its_answer_names(db_client: AsyncClient) -> None:
    department = await created(db_client, "/depts", {"deptName": "研发中心", "deptCode": "RD"})
    assert "id" not in department
    found = await db_client.get(f"/depts/{department['deptId']}")
    assert found.status_code == 200, found.text
    assert found.json()["code"] == 200
    assert answer(found)["deptCode"] == "RD"
    # createTime and updateTime are the row's own moments, kept by the database.
    assert answer(found)["createTime"] == department["createTime"]
    assert department["updateTime"]


async def test_a_name_filter_noted_fuzzy_finds_part_of_the_name(db_client: AsyncClient) -> None:
    await created(db_client, "/depts", {"deptName": "研发中心", "deptCode": "RD"})
    await created(db_client, "/depts", {"deptName": "销售部", "deptCode": "SALES"})
    found = answer(await db_client.get("/depts", params={"deptName": "研发"}))
    assert [row["deptCode"] for row in found["rows"]] == ["RD"]
    assert found["total"] == 1


async def test_a_page_holds_ten_departments_unless_asked(db_client: AsyncClient) -> None:
    for number in range(12):
        await created(db_client, "/depts", {"deptName": f"部门{number}", "deptCode": f"D{number}"})
    page = answer(await db_client.get("/depts"))
    assert (len(page["rows"]), page["total"]) == (10, 12)


async def test_a_mobile_number_taken_is_a_conflict_and_a_status_is_one_listed(
    db_client: AsyncClient,
) -> None:
    first = await employee(db_client, "1")
    saved = await created(db_client, "/employees", first)
    assert saved["empStatus"] == "PROBATION"
    second = {**(await employee(db_client, "2")), "mobile": first["mobile"]}
    taken = await db_client.post("/employees", json=second)
    assert taken.status_code == 409
    # An error in the envelope: its code the status, its data null.
    assert taken.json()["code"] == 409
    assert taken.json()["data"] is None
    wrong = {**(await employee(db_client, "3")), "empStatus": "WHATEVER"}
    assert (await db_client.post("/employees", json=wrong)).status_code == 422


async def test_attendance_is_kept_when_its_employee_leaves(db_client: AsyncClient) -> None:
    person = await created(db_client, "/employees", await employee(db_client, "4"))
    await created(db_client, "/attendances", {"empId": person["empId"], "attendDate": "2024-03-01"})
    assert (await db_client.delete(f"/employees/{person['empId']}")).status_code in (200, 204)
    assert (await db_client.get(f"/employees/{person['empId']}")).status_code == 404
    kept = answer(await db_client.get("/attendances", params={"empId": person["empId"]}))
    assert [row["attendDate"] for row in kept["rows"]] == ["2024-03-01"]
