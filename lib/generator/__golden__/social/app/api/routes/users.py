from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import with_expression

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import ViewerUser, invalid
from app.core.security import hash_password_async, verify_password_async
from app.models.associations import follows
from app.models.computed import user_followed
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserList
from app.schemas.user import UserProfile, UserRead, UserUpdate

router = APIRouter(prefix="/profiles", tags=["users"])


async def _fetch(
    session: AsyncSession, *where: ColumnElement[bool], viewer: User | None
) -> User:
    """One User (embeds and the viewer's computed fields loaded), or 404."""
    statement = (
        select(User)
        .where(*where)
        .options(with_expression(User.followed, user_followed(viewer)))
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
) -> UserList:
    """A page (limit, offset) of the User rows. A valid token identifies the
    caller; an invalid or expired one is a 401.
    """
    statement = select(User)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(User.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(with_expression(User.followed, user_followed(current_user)))
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


@router.patch("/{username}", responses=error_responses(401, 403, 404, 409))
async def update_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
    body: UserUpdate,
) -> UserRead:
    """Changes the fields sent of a User by username; 404 when there is none."""
    row = await _fetch(
        session,
        User.username == username,
        User.id == current_user.id,
        viewer=current_user,
    )
    data = body.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if body.password is not None:
        if body.current_password is None:
            raise invalid("current_password", "Required to change the password", None)
        if not await verify_password_async(body.current_password, row.password):
            raise HTTPException(status_code=403, detail="The current password is wrong")
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return UserRead.model_validate(
        await _fetch(session, User.id == row.id, viewer=current_user)
    )


@router.delete("/{username}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> None:
    """Deletes a User by username; 404 when there is none."""
    row = await _fetch(
        session,
        User.username == username,
        User.id == current_user.id,
        viewer=current_user,
    )
    await session.delete(row)
    await commit_or_409(session)


@router.post("/{username}/follow", responses=error_responses(401, 404, 409))
async def follow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserProfile:
    """Links the caller to a User by username and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, User.username == username, viewer=current_user)
    await add_link(
        session,
        follows,
        {"related_user_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return UserProfile.model_validate(
        await _fetch(session, User.id == row.id, viewer=current_user)
    )


@router.delete("/{username}/follow", responses=error_responses(401, 404))
async def unfollow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserProfile:
    """Unlinks the caller from a User by username and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, User.username == username, viewer=current_user)
    await remove_link(
        session,
        follows,
        {"related_user_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return UserProfile.model_validate(
        await _fetch(session, User.id == row.id, viewer=current_user)
    )
