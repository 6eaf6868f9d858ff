"""What the stated-rules checks share: a row created over HTTP, the creation asserted."""

from typing import Any

from httpx import AsyncClient


async def created(client: AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result
