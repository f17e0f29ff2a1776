"""Row scoping for the routes: references, links, parent cycles, the optional caller."""

from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, get_current_user
from app.models.user import User


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


M = TypeVar("M")


async def load_links(
    session: AsyncSession, field: str, ids: list[Any], statement: Select[M]
) -> list[M]:
    """The rows a many-to-many list names; 422 when an id is unknown."""
    rows = list((await session.execute(statement)).scalars().all())
    if len(rows) != len(set(ids)):
        raise invalid(field, "Unknown id in the list", ids)
    return rows


optional_token = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)


async def optional_user(
    session: SessionDep,
    token: Annotated[str | None, Depends(optional_token)],
) -> User | None:
    """The caller of a public route when a valid bearer token comes along."""
    if not token:
        return None
    try:
        return await get_current_user(session, token)
    except HTTPException:
        return None


OptionalUser = Annotated[User | None, Depends(optional_user)]
