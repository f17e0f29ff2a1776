"""Links of many-to-many relations, added and removed idempotently by the actions."""

from typing import Any

from fastapi import HTTPException
from sqlalchemy import ColumnElement, Select, Table, delete, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import Base

LinkTable = Table | type[Base]


async def found_id(session: AsyncSession, statement: Select[Any], detail: str) -> Any:
    """The id `statement` selects, or a 404 (missing, or not the caller's to see)."""
    value = (await session.execute(statement.limit(1))).scalar_one_or_none()
    if value is None:
        raise HTTPException(status_code=404, detail=detail)
    return value


def _columns(table: LinkTable, values: dict[str, Any]) -> list[ColumnElement[bool]]:
    """`column == value` for each column of the link."""
    columns = table.c if isinstance(table, Table) else table.__table__.c
    return [columns[name] == value for name, value in values.items()]


async def add_link(
    session: AsyncSession, table: LinkTable, values: dict[str, Any]
) -> None:
    """Stores the link unless it exists: adding twice, or twice at once, keeps one."""
    found = select(literal(1)).where(*_columns(table, values))
    if (await session.execute(found.limit(1))).first() is not None:
        return
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(
            postgresql.insert(table).values(values).on_conflict_do_nothing()
        )
    else:
        await session.execute(
            sqlite.insert(table).values(values).on_conflict_do_nothing()
        )


async def remove_link(
    session: AsyncSession, table: LinkTable, values: dict[str, Any]
) -> None:
    """Deletes the link; a missing one is fine."""
    await session.execute(delete(table).where(*_columns(table, values)))
