from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.models.profile import Profile
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.profile import ProfileCreate, ProfileRead, ProfileUpdate
from app.schemas.responses import ProfileList

router = APIRouter(prefix="/profiles", tags=["profiles"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Profile:
    """One Profile (relations to embed loaded eagerly), or 404."""
    statement = select(Profile).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Profile not found")
    return row


@router.get("")
async def list_profiles(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> ProfileList:
    """A page (limit, offset) of the Profile rows."""
    statement = select(Profile)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Profile.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ProfileRead.model_validate(row) for row in rows]
    return ProfileList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{username}", responses=error_responses(404))
async def get_profile(
    session: SessionDep,
    username: SafeStr,
) -> ProfileRead:
    """One Profile by username; 404 when there is none."""
    row = await _fetch(session, Profile.user.has(User.username == username))
    return ProfileRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_profile(
    session: SessionDep,
    current_user: CurrentUser,
    body: ProfileCreate,
) -> ProfileRead:
    """Creates a Profile owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["user_id"] = current_user.id
    row = Profile(**data)
    session.add(row)
    await commit_or_409(session)
    return ProfileRead.model_validate(await _fetch(session, Profile.id == row.id))


@router.patch("/{username}", responses=error_responses(401, 404, 409))
async def update_profile(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
    body: ProfileUpdate,
) -> ProfileRead:
    """Changes the fields sent of a Profile of the caller by username; 404 when
    there is none.
    """
    row = await _fetch(
        session,
        Profile.user.has(User.username == username),
        Profile.user_id == current_user.id,
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ProfileRead.model_validate(await _fetch(session, Profile.id == row.id))


@router.delete("/{username}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_profile(
    session: SessionDep,
    current_user: CurrentUser,
    username: SafeStr,
) -> None:
    """Deletes a Profile of the caller by username; 404 when there is none."""
    row = await _fetch(
        session,
        Profile.user.has(User.username == username),
        Profile.user_id == current_user.id,
    )
    await session.delete(row)
    await commit_or_409(session)
