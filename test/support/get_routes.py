"""Sends GET to each path through a generated backend's app (its DATABASE_URL from the environment).

    python get_routes.py /api/users /api/orders ...

Prints a JSON object: path -> [status code, the first 300 characters of the body].
Run with the python of the backend's venv, in the backend's folder.
"""

import asyncio
import json
import sys

from httpx import ASGITransport, AsyncClient

from app.infrastructure.database.session import dispose_engine
from app.main import create_app


async def main(paths: list[str]) -> None:
    results: dict[str, list[object]] = {}
    transport = ASGITransport(app=create_app())
    async with AsyncClient(transport=transport, base_url="http://testserver") as client:
        for path in paths:
            response = await client.get(path)
            results[path] = [response.status_code, response.text[:300]]
    await dispose_engine()
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
