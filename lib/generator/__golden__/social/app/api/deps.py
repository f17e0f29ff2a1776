"""Dependencies shared by the routes."""

from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import get_session
from app.core.security import decode_access_token
from app.models.user import User

SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def commit_or_409(session: AsyncSession) -> None:
    """Commit, turning unique and foreign key violations into 409 Conflict."""
    try:
        await session.commit()
    except IntegrityError as exc:
        await session.rollback()
        raise HTTPException(
            status_code=409,
            detail="Conflicts with existing data (unique or reference constraint)",
        ) from exc


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/login")
TokenDep = Annotated[str, Depends(oauth2_scheme)]


def _parse_user_id(subject: str) -> int:
    return int(subject)


async def get_current_user(session: SessionDep, token: TokenDep) -> User:
    """The user of the bearer token; 401 when missing, invalid or expired."""
    subject = decode_access_token(token)
    user = None
    if subject is not None:
        try:
            user = await session.get(User, _parse_user_id(subject))
        except ValueError:
            user = None
    if user is None:
        raise HTTPException(
            status_code=401,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
