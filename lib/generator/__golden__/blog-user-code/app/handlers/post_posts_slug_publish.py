"""POST /posts/{slug}/publish: the author publishes a draft."""

import datetime as dt

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.models.post import Post
from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.responses import PostDetail


async def handle(
    session: AsyncSession,
    slug: SafeStr,
    current_user: User,
) -> PostDetail:
    """Publish the caller's post now (a published one keeps its time).

    Someone else's post is a 404, like every row the caller does not own.
    """
    statement = (
        select(Post)
        .where(Post.slug == slug, Post.author_id == current_user.id)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .execution_options(populate_existing=True)
    )
    post = (await session.execute(statement)).scalar_one_or_none()
    if post is None:
        raise HTTPException(status_code=404, detail="Post not found")
    if not post.published:
        post.published = True
        post.published_at = dt.datetime.now(dt.UTC)
        await session.commit()
        post = (await session.execute(statement)).scalar_one()
    return PostDetail.model_validate(post)
