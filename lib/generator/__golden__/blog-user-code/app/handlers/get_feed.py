"""GET /feed: published posts, and the viewer's own drafts."""

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.models.post import Post
from app.models.user import User
from app.schemas.responses import PostDetail


async def handle(
    session: AsyncSession,
    current_user: User | None,
) -> list[PostDetail]:
    """Newest first: every published post, and the viewer's drafts."""
    visible: ColumnElement[bool] = Post.published.is_(True)
    if current_user is not None:
        visible = or_(visible, Post.author_id == current_user.id)
    statement = (
        select(Post)
        .where(visible)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .order_by(Post.id.desc())
        .limit(50)
    )
    rows = (await session.execute(statement)).scalars().all()
    return [PostDetail.model_validate(row) for row in rows]
