"""Hooks on the Post endpoints: written by you."""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.post import Post
from app.models.user import User


async def before_create(
    session: AsyncSession,
    row: Post,
    current_user: User | None,
) -> None:
    """A post created published gets its publication time."""
    if row.published and row.published_at is None:
        row.published_at = dt.datetime.now(dt.UTC)
