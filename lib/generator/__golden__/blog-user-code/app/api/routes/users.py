from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409, require_roles
from app.api.scoping import invalid
from app.core.security import hash_password_async, verify_password_async
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import UserList
from app.schemas.user import UserCreate, UserPublic, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> User:
    """One User (relations to embed loaded eagerly), or 404."""
    statement = select(User).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("")
async def list_users(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> UserList:
    """A page (limit, offset) of the User rows."""
    statement = select(User)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(User.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [UserPublic.model_validate(row) for row in rows]
    return UserList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{username}", responses=error_responses(404))
async def get_user(
    session: SessionDep,
    username: SafeStr,
) -> UserPublic:
    """One User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    return UserPublic.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_user(
    session: SessionDep,
    body: UserCreate,
) -> UserRead:
    """Creates a User."""
    data = body.model_dump(exclude_unset=True)
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    row = User(**data)
    session.add(row)
    await commit_or_409(session)
    return UserRead.model_validate(await _fetch(session, User.id == row.id))


@router.patch("/{username}", responses=error_responses(401, 403, 404, 409))
async def update_user(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    username: SafeStr,
    body: UserUpdate,
) -> UserRead:
    """Changes the fields sent of a User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    data = body.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if body.password is not None and row.id == current_user.id:
        if body.current_password is None:
            raise invalid("current_password", "Required to change the password", None)
        if not await verify_password_async(body.current_password, row.password):
            raise HTTPException(status_code=403, detail="The current password is wrong")
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return UserRead.model_validate(await _fetch(session, User.id == row.id))


@router.delete(
    "/{username}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_user(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    username: SafeStr,
) -> None:
    """Deletes a User by username; 404 when there is none."""
    row = await _fetch(session, User.username == username)
    await session.delete(row)
    await commit_or_409(session)
