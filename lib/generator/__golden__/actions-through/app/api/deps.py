"""Dependencies shared by the routes."""

import uuid
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import APIKeyHeader
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import get_session
from app.core.security import decode_access_token
from app.models.user import User

SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def commit_or_409(session: AsyncSession) -> None:
    """Commit; a unique or reference violation becomes a 409 in app.core.errors."""
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise


token_scheme = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    description=(
        "Send `Authorization: Token <token>` with the"
        " token from /users/login; in Swagger's Autho"
        "rize enter `Token ` followed by the token."
    ),
)


def read_token(value: Annotated[str | None, Depends(token_scheme)]) -> str | None:
    """The token of `Authorization: Token <token>`, or None."""
    if value is None:
        return None
    prefix, _, token = value.strip().partition(" ")
    token = token.strip()
    if prefix.lower() != "token" or not token:
        return None
    return token


def require_token(token: Annotated[str | None, Depends(read_token)]) -> str:
    """The token, or 401 when none was sent."""
    if token is None:
        raise HTTPException(
            status_code=401,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Token"},
        )
    return token


TokenDep = Annotated[str, Depends(require_token)]


def _parse_user_id(subject: str) -> uuid.UUID:
    return uuid.UUID(subject)


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
            headers={"WWW-Authenticate": "Token"},
        )
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
