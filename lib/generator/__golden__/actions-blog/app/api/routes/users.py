from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.models.associations import follows
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.user import UserPublic

router = APIRouter(prefix="/profiles", tags=["users"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> User:
    """One User (relations to embed loaded eagerly), or 404."""
    statement = select(User).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("/{username}", responses=error_responses(404))
async def get_user(
    session: SessionDep,
    username: SafeStr,
) -> UserPublic:
    """One User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    return UserPublic.model_validate(row)


@router.post(
    "/{username}/follow",
    summary="Follow a user",
    responses=error_responses(401, 404, 409),
)
async def follow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserPublic:
    """Links the caller to a User by username and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, User.username == username)
    await add_link(
        session,
        follows,
        {"related_user_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return UserPublic.model_validate(await _fetch(session, User.id == row.id))


@router.delete(
    "/{username}/follow", summary="Follow a user", responses=error_responses(401, 404)
)
async def unfollow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserPublic:
    """Unlinks the caller from a User by username and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, User.username == username)
    await remove_link(
        session,
        follows,
        {"related_user_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return UserPublic.model_validate(await _fetch(session, User.id == row.id))
