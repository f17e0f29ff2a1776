"""Row scoping for the routes: references, links, parent cycles, the optional caller."""

from typing import Any

from fastapi.exceptions import RequestValidationError
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute


def invalid(field: str, message: str, value: object) -> RequestValidationError:
    """A 422 in FastAPI's own shape, naming the body field."""
    return RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ("body", field),
                "msg": message,
                "input": value,
            }
        ]
    )


async def require_reference(
    session: AsyncSession, field: str, value: object, statement: Select[Any]
) -> None:
    """422 unless `statement` finds the row `value` names, readable by the caller."""
    if (await session.execute(statement.limit(1))).first() is None:
        raise invalid(field, "No such row, or not yours to reference", value)


async def refuse_cycle(
    session: AsyncSession,
    field: str,
    parent: object,
    row_id: object,
    key: InstrumentedAttribute[Any],
    column: InstrumentedAttribute[Any],
) -> None:
    """422 when `parent` is the row itself or one of its descendants."""
    seen: set[object] = set()
    current: object = parent
    while current is not None and current not in seen:
        if current == row_id:
            raise invalid(field, "Would make the row its own ancestor", parent)
        seen.add(current)
        statement = select(column).where(key == current)
        current = (await session.execute(statement)).scalar_one_or_none()
