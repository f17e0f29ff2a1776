import uuid

from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import invalid
from app.core.security import hash_password_async, verify_password_async
from app.models.user import User
from app.schemas.errors import error_responses
from app.schemas.responses import UserPublicEnvelope, UserReadEnvelope
from app.schemas.user import UserPublic, UserRead, UserReplaceBody

router = APIRouter(prefix="/users", tags=["users"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> User:
    """One User (relations to embed loaded eagerly), or 404."""
    statement = select(User).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="User not found")
    return row


@router.get("/{user_id}", responses=error_responses(404, 422))
async def get_user(
    session: SessionDep,
    user_id: uuid.UUID,
) -> UserPublicEnvelope:
    """One User by id; 404 when there is none."""
    row = await _fetch(session, User.id == user_id)
    return UserPublicEnvelope(user=UserPublic.model_validate(row))


@router.put("/{user_id}", responses=error_responses(401, 403, 404, 409, 422))
async def update_user(
    session: SessionDep,
    current_user: CurrentUser,
    user_id: uuid.UUID,
    wrapped: UserReplaceBody,
) -> UserReadEnvelope:
    """Replaces a User by id with the whole object sent; 404 when there is
    none.
    """
    body = wrapped.user
    row = await _fetch(session, User.id == user_id, User.id == current_user.id)
    data = body.model_dump()
    if body.password is None:
        data.pop("password")
    data.pop("current_password", None)
    if body.password is not None:
        if body.current_password is None:
            raise invalid("currentPassword", "Required to change the password", None)
        if not await verify_password_async(body.current_password, row.password):
            raise HTTPException(status_code=403, detail="The current password is wrong")
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return UserReadEnvelope(
        user=UserRead.model_validate(await _fetch(session, User.id == row.id))
    )


@router.delete(
    "/{user_id}", status_code=204, responses=error_responses(401, 404, 409, 422)
)
async def delete_user(
    session: SessionDep,
    current_user: CurrentUser,
    user_id: uuid.UUID,
) -> None:
    """Deletes a User by id; 404 when there is none."""
    row = await _fetch(session, User.id == user_id, User.id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)
