"""Row scoping for the routes: references, links, parent cycles, the optional caller."""

from typing import Any

from fastapi.exceptions import RequestValidationError
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession


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
