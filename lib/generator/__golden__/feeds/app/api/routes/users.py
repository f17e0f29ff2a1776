from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import invalid, load_links
from app.core.security import hash_password_async, verify_password_async
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserDetail
from app.schemas.user import UserProfile, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> User:
    """One User (relations to embed loaded eagerly), or 404."""
    statement = (
        select(User)
        .where(*where)
        .options(selectinload(User.following))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("/{username}", responses=error_responses(404))
async def get_user(
    session: SessionDep,
    username: SafeStr,
) -> UserProfile:
    """One User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    return UserProfile.model_validate(row)


@router.patch("/{username}", responses=error_responses(401, 403, 404, 409))
async def update_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
    body: UserUpdate,
) -> UserDetail:
    """Changes the fields sent of a User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username, User.id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if body.password is not None:
        if body.current_password is None:
            raise invalid("current_password", "Required to change the password", None)
        if not await verify_password_async(body.current_password, row.password):
            raise HTTPException(status_code=403, detail="The current password is wrong")
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    data.pop("following", None)
    if body.following is not None:
        row.following = await load_links(
            session,
            "following",
            body.following,
            select(User).where(User.id.in_(body.following)),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return UserDetail.model_validate(await _fetch(session, User.id == row.id))


@router.delete("/{username}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> None:
    """Deletes a User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username, User.id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)
