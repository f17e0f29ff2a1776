from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserProfileEnvelope
from app.schemas.user import UserProfile

router = APIRouter(prefix="/profiles", tags=["users"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> User:
    """One User (relations to embed loaded eagerly), or 404."""
    statement = select(User).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("/{username}", responses=error_responses(404, 422))
async def get_user(
    session: SessionDep,
    username: SafeStr,
) -> UserProfileEnvelope:
    """One User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    return UserProfileEnvelope(profile=UserProfile.model_validate(row))
