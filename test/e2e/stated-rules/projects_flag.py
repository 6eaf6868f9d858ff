"""Rules the project platform's documents state: projects, tasks and labels marked deleted by their own flags."""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created, listed

pytestmark = pytest.mark.integration


async def test_deleting_a_project_sets_its_flag_and_hides_it_and_its_tasks(
    db_client: AsyncClient,
) -> None:
    project = await created(db_client, "/projects", {"name": "Apollo"})
    assert project["is_deleted"] is False
    task = await created(db_client, "/tasks", {"project_id": project["id"], "title": "Plan"})
    assert task["del_flag"] == "0"
    kept = await created(db_client, "/projects", {"name": "Kept"})
    other = await created(db_client, "/tasks", {"project_id": kept["id"], "title": "Stay"})
    assert (await db_client.delete(f"/projects/{project['id']}")).status_code == 204
    assert (await db_client.get(f"/projects/{project['id']}")).status_code == 404
    assert project["id"] not in await listed(db_client, "/projects")
    assert task["id"] not in await listed(db_client, "/tasks")
    assert (await db_client.get(f"/tasks/{task['id']}")).status_code == 404
    # Only the deleted project's tasks go with it.
    assert other["id"] in await listed(db_client, "/tasks")
    # The name stays taken by the deleted row.
    again = await db_client.post("/projects", json={"name": "Apollo"})
    assert again.status_code == 409, again.text


async def test_a_client_cannot_mark_a_project_deleted(db_client: AsyncClient) -> None:
    project = await created(db_client, "/projects", {"name": "Gemini", "is_deleted": True})
    assert project["is_deleted"] is False
    assert project["id"] in await listed(db_client, "/projects")


async def test_a_label_is_hidden_once_its_deleted_flag_is_set(db_client: AsyncClient) -> None:
    label = await created(db_client, "/labels", {"text": "urgent"})
    assert label["deleted"] is False
    assert (await db_client.delete(f"/labels/{label['id']}")).status_code == 204
    assert label["id"] not in await listed(db_client, "/labels")
