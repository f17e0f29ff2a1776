from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import with_expression

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import ViewerUser
from app.models.associations import follows
from app.models.computed import user_following
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserProfileEnvelope
from app.schemas.user import UserProfile

router = APIRouter(prefix="/profiles", tags=["users"])


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


@router.get(
    "/{username}",
    responses=error_responses(401, 404, 422),
    openapi_extra={"security": [{}]},
)
async def get_user(
    session: SessionDep,
    current_user: ViewerUser,
    username: SafeStr,
) -> UserProfileEnvelope:
    """One User by username; 404 when there is none. A valid token identifies
    the caller; an invalid or expired one is a 401.
    """
    row = await _fetch(session, User.username == username, viewer=current_user)
    return UserProfileEnvelope(profile=UserProfile.model_validate(row))


@router.post(
    "/{username}/follow",
    summary="Follow a user",
    responses=error_responses(401, 404, 409, 422),
)
async def follow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserProfileEnvelope:
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
    return UserProfileEnvelope(
        profile=UserProfile.model_validate(
            await _fetch(session, User.id == row.id, viewer=current_user)
        )
    )


@router.delete(
    "/{username}/follow",
    summary="Follow a user",
    responses=error_responses(401, 404, 422),
)
async def unfollow_user(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> UserProfileEnvelope:
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
    return UserProfileEnvelope(
        profile=UserProfile.model_validate(
            await _fetch(session, User.id == row.id, viewer=current_user)
        )
    )
