from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser, load_links
from app.core.db import Bytewise, utc_now
from app.models.post import Post
from app.models.tag import Tag
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.post import PostCreate, PostUpdate
from app.schemas.responses import PostDetail, PostList

router = APIRouter(prefix="/posts", tags=["posts"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Post:
    """One Post (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Post)
        .where(*where)
        .options(selectinload(Post.author), selectinload(Post.tags))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return row


@router.get("")
async def list_posts(
    session: SessionDep,
    current_user: OptionalUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["published_at", "-published_at", "title", "-title"] | None, Query()
    ] = None,
    published: Annotated[bool | None, Query()] = None,
    author_username: Annotated[SafeStr | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows. Filters: published and
    author_username. Sort by published_at and title (`-` for descending).
    """
    visible: ColumnElement[bool] = Post.published.is_(True)
    if current_user is not None:
        visible = or_(Post.published.is_(True), Post.author_id == current_user.id)
    statement = select(Post)
    statement = statement.where(visible)
    if published is not None:
        statement = statement.where(Post.published == published)
    if author_username is not None:
        statement = statement.where(Post.author.has(User.username == author_username))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-published_at"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "published_at":
        column = Post.published_at
    elif key == "title":
        column = Bytewise(Post.title)
    else:
        column = Post.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key == "published_at":
        direction = direction.nulls_last()
    statement = statement.order_by(direction, Post.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(selectinload(Post.author), selectinload(Post.tags))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PostDetail.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{slug}", responses=error_responses(404))
async def get_post(
    session: SessionDep,
    current_user: OptionalUser,
    slug: SafeStr,
) -> PostDetail:
    """One Post by slug; 404 when there is none."""
    visible: ColumnElement[bool] = Post.published.is_(True)
    if current_user is not None:
        visible = or_(Post.published.is_(True), Post.author_id == current_user.id)
    row = await _fetch(session, Post.slug == slug, visible)
    return PostDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_post(
    session: SessionDep,
    current_user: CurrentUser,
    body: PostCreate,
) -> PostDetail:
    """Creates a Post owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    data.pop("tags", None)
    row = Post(**data)
    row.tags = await load_links(
        session,
        "tags",
        body.tags,
        select(Tag).where(Tag.id.in_(body.tags)),
    )
    session.add(row)
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))


@router.patch("/{slug}", responses=error_responses(401, 404, 409))
async def update_post(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    body: PostUpdate,
) -> PostDetail:
    """Changes the fields sent of a Post of the caller by slug; 404 when there
    is none.
    """
    row = await _fetch(session, Post.slug == slug, Post.author_id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    data.pop("tags", None)
    if body.tags is not None:
        row.tags = await load_links(
            session,
            "tags",
            body.tags,
            select(Tag).where(Tag.id.in_(body.tags)),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))


@router.delete("/{slug}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_post(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> None:
    """Deletes a Post of the caller by slug; 404 when there is none."""
    row = await _fetch(session, Post.slug == slug, Post.author_id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)


@router.post(
    "/{slug}/publish",
    summary="Publish a post now",
    responses=error_responses(401, 404, 409),
)
async def publish_post(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> PostDetail:
    """Sets `published` to true and `published_at` to now on a Post of the
    caller by slug, and answers it; 404 when there is none.
    """
    row = await _fetch(session, Post.slug == slug, Post.author_id == current_user.id)
    row.published = True
    row.published_at = utc_now()
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))
