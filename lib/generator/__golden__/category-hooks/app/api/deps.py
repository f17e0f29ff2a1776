"""Dependencies shared by the routes."""

from typing import Annotated

from fastapi import Depends, HTTPException
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import get_session

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
