"""Prints the schema of a database as JSON, as SQLAlchemy's inspector sees it, and each table's row count.

Each column also carries the type the server itself reports (`stored`): on PostgreSQL
information_schema's data_type and udt_name (a native enum is USER-DEFINED and its type's name), on
MySQL/MariaDB its column_type; each table its CHECK constraints.

    python introspect_schema.py <async SQLAlchemy URL>

Run with the python of a generated backend's venv (it has SQLAlchemy, asyncpg and aiosqlite).
Used by test/support/schema-introspection.ts.
"""

import asyncio
import json
import sys
from typing import Any

from sqlalchemy import Enum, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine


def type_text(column_type: Any, connection: Connection) -> str:
    if isinstance(column_type, Enum):
        return "ENUM(" + ", ".join(column_type.enums) + ")"
    return str(column_type.compile(dialect=connection.dialect))


def stored_types(connection: Connection) -> dict[tuple[str, str], str]:
    """The type of each column as the server names it (not as SQLAlchemy reads it back)."""
    name = connection.dialect.name
    if name == "postgresql":
        query = (
            "SELECT table_name, column_name, data_type || ' ' || udt_name FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        )
    elif name in ("mysql", "mariadb"):
        query = (
            "SELECT table_name, column_name, column_type FROM information_schema.columns"
            " WHERE table_schema = DATABASE()"
        )
    else:
        # SQLite keeps the declared type, which the inspector reads as it is.
        return {}
    return {(str(table), str(column)): str(kind) for table, column, kind in connection.execute(text(query))}


def describe(connection: Connection) -> dict[str, Any]:
    inspector = inspect(connection)
    stored = stored_types(connection)
    tables: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        primary_key = inspector.get_pk_constraint(table)
        quoted = connection.dialect.identifier_preparer.quote(table)
        tables[table] = {
            "columns": [
                {
                    "name": column["name"],
                    "type": type_text(column["type"], connection),
                    "stored": stored.get((table, column["name"])),
                    "nullable": column["nullable"],
                    "default": column.get("default"),
                }
                for column in inspector.get_columns(table)
            ],
            "primaryKey": {"name": primary_key.get("name"), "columns": primary_key["constrained_columns"]},
            "foreignKeys": [
                {
                    "name": key.get("name"),
                    "columns": key["constrained_columns"],
                    "table": key["referred_table"],
                    "targetColumns": key["referred_columns"],
                    "onDelete": (key.get("options") or {}).get("ondelete"),
                }
                for key in inspector.get_foreign_keys(table)
            ],
            "uniques": [
                {"name": unique.get("name"), "columns": unique["column_names"]}
                for unique in inspector.get_unique_constraints(table)
            ],
            "indexes": [
                {"name": index.get("name"), "columns": index["column_names"], "unique": index["unique"]}
                for index in inspector.get_indexes(table)
            ],
            "checks": sorted(
                ({"name": check.get("name"), "sqltext": check["sqltext"]} for check in inspector.get_check_constraints(table)),
                key=lambda check: (str(check["name"]), check["sqltext"]),
            ),
            "rows": connection.execute(text(f"SELECT COUNT(*) FROM {quoted}")).scalar_one(),
        }
    return tables


async def main(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.connect() as connection:
        tables = await connection.run_sync(describe)
    await engine.dispose()
    json.dump(tables, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
