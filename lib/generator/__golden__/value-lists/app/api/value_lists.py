"""Many-to-many relations written as lists of values: rows found by value or created."""

from collections.abc import Iterable
from typing import Any, TypeVar

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.db import Base

RowT = TypeVar("RowT", bound=Base)


async def get_or_create(
    session: AsyncSession,
    model: type[RowT],
    column: InstrumentedAttribute[str],
    values: Iterable[str],
) -> list[RowT]:
    """The rows of `model` whose `column` holds one of `values` (duplicates collapse).

    Three statements at most, whatever the number of values: a SELECT, one INSERT of the
    missing values and a SELECT of those. A value another request inserts meanwhile is
    skipped by the INSERT (ON CONFLICT DO NOTHING) and found by the second SELECT.
    """
    wanted = set(values)
    if not wanted:
        return []
    key = column.key
    found: dict[Any, RowT] = {}
    existing = await session.execute(select(model).where(column.in_(wanted)))
    found.update((getattr(row, key), row) for row in existing.scalars())
    missing = sorted(wanted - found.keys())
    if missing:
        rows = [{key: value} for value in missing]
        if session.get_bind().dialect.name == "postgresql":
            await session.execute(
                postgresql.insert(model).values(rows).on_conflict_do_nothing()
            )
        else:
            await session.execute(
                sqlite.insert(model).values(rows).on_conflict_do_nothing()
            )
        created = await session.execute(select(model).where(column.in_(missing)))
        found.update((getattr(row, key), row) for row in created.scalars())
    if len(found) < len(wanted):
        # The INSERT skipped a value for another unique column of the related rows.
        raise HTTPException(
            status_code=409, detail="A related row could not be created"
        )
    return [found[value] for value in sorted(wanted)]
