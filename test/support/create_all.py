"""Creates the tables of a generated backend's models in a database, as its tests do (`create_all`).

    python create_all.py <async SQLAlchemy URL>

Run with the python of the backend's venv, in the backend's folder (the `app` package is imported).
"""

import asyncio
import sys

import app.infrastructure.models  # noqa: F401 (registers every model)
from app.infrastructure.database.base import Base
from sqlalchemy.ext.asyncio import create_async_engine


async def main(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
