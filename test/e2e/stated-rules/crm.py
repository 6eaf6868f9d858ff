"""What the CRM's API list states of its answers (its Response Format section), checked over the real database.

A success is `{"success": true, "data": ...}`, a list's data a page (`items`, `total`, `page`,
`pageSize`), an error `{"success": false, "error": {"code": ..., "message": ...}}` with the code its table
of error codes names for the status.
"""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def test_answers_come_in_the_envelope_and_lists_in_pages(db_client: AsyncClient) -> None:
    acme = await created(db_client, "/companies", {"name": "Acme", "domain": "acme.com"})
    for number in range(3):
        await created(db_client, "/companies", {"name": f"Company {number}"})
    found = await db_client.get(f"/companies/{acme['id']}")
    assert found.status_code == 200, found.text
    assert found.json() == {"success": True, "data": acme}
    page = await db_client.get("/companies", params={"page": 2, "pageSize": 3})
    assert page.status_code == 200, page.text
    body = page.json()
    assert body["success"] is True
    assert [row["name"] for row in body["data"]["items"]] == ["Company 2"]
    assert {key: body["data"][key] for key in ("total", "page", "pageSize")} == {
        "total": 4,
        "page": 2,
        "pageSize": 3,
    }


async def test_errors_come_in_the_error_envelope(db_client: AsyncClient) -> None:
    missing = await db_client.get("/companies/999")
    assert missing.status_code == 404
    assert missing.json()["success"] is False
    assert missing.json()["error"]["code"] == "NOT_FOUND"
    assert set(missing.json()["error"]) == {"code", "message"}
    await created(db_client, "/companies", {"name": "Acme"})
    taken = await db_client.post("/companies", json={"name": "Acme"})
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "CONFLICT"
    invalid = await db_client.post("/contacts", json={"fullName": "No Email"})
    assert invalid.status_code == 422
    assert invalid.json()["success"] is False
    assert invalid.json()["error"]["code"] == "VALIDATION_ERROR"


async def test_a_delete_answers_the_envelope_with_no_data(db_client: AsyncClient) -> None:
    acme = await created(db_client, "/companies", {"name": "Acme"})
    contact = await created(
        db_client,
        "/contacts",
        {"companyId": acme["id"], "fullName": "Ada", "email": "ada@example.com"},
    )
    assert contact["stage"] == "lead"
    kept = await db_client.delete(f"/companies/{acme['id']}")
    assert kept.status_code == 409, kept.text
    gone = await db_client.delete(f"/contacts/{contact['id']}")
    assert gone.status_code == 200, gone.text
    assert gone.json() == {"success": True, "data": None}
    assert (await db_client.delete(f"/companies/{acme['id']}")).json() == {
        "success": True,
        "data": None,
    }
