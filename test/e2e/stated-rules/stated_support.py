"""What the stated-rules checks share: a row created over HTTP, the creation asserted."""

from typing import Any

from httpx import AsyncClient, Response


def answer(response: Response) -> Any:
    """The answer, out of the envelope (`{"code": 200, "msg": "success", "data": ...}`) if any."""
    body = response.json()
    if isinstance(body, dict) and "data" in body and ("code" in body or "success" in body):
        return body["data"]
    return body


async def created(client: AsyncClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(path, json=body)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = answer(response)
    return result


async def listed(client: AsyncClient, path: str) -> list[int]:
    """The ids a list answers, from a plain array or a page of them."""
    body = answer(await client.get(path))
    rows = body if isinstance(body, list) else body["items"]
    return [row["id"] for row in rows]
