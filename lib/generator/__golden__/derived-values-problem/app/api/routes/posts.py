from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.derived import unique_slug
from app.core.db import Bytewise, utc_now
from app.models.post import Post
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.post import PostCreate, PostRead, PostUpdate
from app.schemas.responses import PostList

router = APIRouter(prefix="/posts", tags=["posts"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Post:
    """One Post (relations to embed loaded eagerly), or 404."""
    statement = select(Post).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return row


@router.get("", responses=error_responses(422))
async def list_posts(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["slug", "-slug"] | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows. Sort by slug (`-` for
    descending).
    """
    statement = select(Post)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "slug":
        column = Bytewise(Post.slug)
    else:
        column = Post.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Post.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [PostRead.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{post_id}", responses=error_responses(404, 422))
async def get_post(
    session: SessionDep,
    post_id: Int32,
) -> PostRead:
    """One Post by id; 404 when there is none."""
    row = await _fetch(session, Post.id == post_id)
    return PostRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409, 422))
async def create_post(
    session: SessionDep,
    current_user: CurrentUser,
    body: PostCreate,
) -> PostRead:
    """Creates a Post owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    data["slug"] = await unique_slug(session, Post.slug, body.title, 40, "title")
    data["published_at"] = utc_now() if body.published else None
    row = Post(**data)
    session.add(row)
    await commit_or_409(session)
    return PostRead.model_validate(await _fetch(session, Post.id == row.id))


@router.patch("/{post_id}", responses=error_responses(401, 404, 409, 422))
async def update_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
    body: PostUpdate,
) -> PostRead:
    """Changes the fields sent of a Post of the caller by id; 404 when there is
    none.
    """
    row = await _fetch(session, Post.id == post_id, Post.author_id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    if "title" in data and data["title"] != row.title:
        data["slug"] = await unique_slug(
            session, Post.slug, data["title"], 40, "title", Post.id != row.id
        )
    if "published" in data and data["published"] != row.published:
        data["published_at"] = utc_now() if data["published"] else None
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PostRead.model_validate(await _fetch(session, Post.id == row.id))


@router.delete(
    "/{post_id}", status_code=204, responses=error_responses(401, 404, 409, 422)
)
async def delete_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
) -> None:
    """Deletes a Post of the caller by id; 404 when there is none."""
    row = await _fetch(session, Post.id == post_id, Post.author_id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)
