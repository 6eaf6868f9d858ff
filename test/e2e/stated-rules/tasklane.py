"""What the Tasklane data model states, checked over the real database.

Team names are unique; a label's name is unique within its team (`- (team_id, name) unique` among
the label's fields); a task's number within its project (`(project_id, number) unique` in the
number's note); projects are soft deleted.
"""

import pytest
from httpx import AsyncClient

from tests.integration.stated_support import created

pytestmark = pytest.mark.integration


async def test_a_team_name_is_taken_once(db_client: AsyncClient) -> None:
    await created(db_client, "/teams", {"name": "Payments Ops"})
    taken = await db_client.post("/teams", json={"name": "Payments Ops"})
    assert taken.status_code == 409, taken.text


async def test_a_label_name_is_unique_within_its_team_only(db_client: AsyncClient) -> None:
    ops = await created(db_client, "/teams", {"name": "Ops"})
    web = await created(db_client, "/teams", {"name": "Web"})
    await created(db_client, f"/teams/{ops['id']}/labels", {"team_id": ops["id"], "name": "bug"})
    again = await db_client.post(
        f"/teams/{ops['id']}/labels", json={"team_id": ops["id"], "name": "bug"}
    )
    assert again.status_code == 409, again.text
    await created(db_client, f"/teams/{web['id']}/labels", {"team_id": web["id"], "name": "bug"})


async def test_a_deleted_project_is_kept_out_of_sight(db_client: AsyncClient) -> None:
    ops = await created(db_client, "/teams", {"name": "Ops"})
    project = await created(
        db_client,
        f"/teams/{ops['id']}/projects",
        {"team_id": ops["id"], "key": "OPS", "name": "Ops board"},
    )
    deleted = await db_client.delete(f"/projects/{project['id']}")
    assert deleted.status_code == 204, deleted.text
    gone = await db_client.get(f"/projects/{project['id']}")
    assert gone.status_code == 404
    # Its key stays taken by the row kept.
    again = await db_client.post(
        f"/teams/{ops['id']}/projects", json={"team_id": ops["id"], "key": "OPS", "name": "Again"}
    )
    assert again.status_code == 409, again.text
