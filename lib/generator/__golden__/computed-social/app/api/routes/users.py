from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, with_expression

from app.api.deps import SessionDep
from app.api.scoping import ViewerUser
from app.models.computed import user_following
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserList
from app.schemas.user import UserProfile

router = APIRouter(prefix="/users", tags=["users"])


async def _fetch(
    session: AsyncSession, *where: ColumnElement[bool], viewer: User | None
) -> User:
    """One User (embeds and the viewer's computed fields loaded), or 404."""
    statement = (
        select(User)
        .where(*where)
        .options(with_expression(User.following, user_following(viewer)))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("", responses=error_responses(401), openapi_extra={"security": [{}]})
async def list_users(
    session: SessionDep,
    current_user: ViewerUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["followersCount", "-followersCount"] | None, Query()
    ] = None,
) -> UserList:
    """A page (limit, offset) of the User rows. Sort by followersCount (`-` for
    descending). A valid token identifies the caller; an invalid or expired
    one is a 401.
    """
    statement = select(User)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "followersCount":
        column = User.followers_count
    else:
        column = User.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, User.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(with_expression(User.following, user_following(current_user)))
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [UserProfile.model_validate(row) for row in rows]
    return UserList(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/{username}", responses=error_responses(401, 404), openapi_extra={"security": [{}]}
)
async def get_user(
    session: SessionDep,
    current_user: ViewerUser,
    username: SafeStr,
) -> UserProfile:
    """One User by username; 404 when there is none. A valid token identifies
    the caller; an invalid or expired one is a 401.
    """
    row = await _fetch(session, User.username == username, viewer=current_user)
    return UserProfile.model_validate(row)
