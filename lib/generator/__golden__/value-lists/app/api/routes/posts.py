from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import SessionDep, commit_or_409
from app.api.value_lists import get_or_create
from app.models.post import Post
from app.models.tag import Tag
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.post import PostCreate, PostReplace, PostUpdate
from app.schemas.responses import PostDetail, PostList

router = APIRouter(prefix="/posts", tags=["posts"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Post:
    """One Post (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Post)
        .where(*where)
        .options(selectinload(Post.tags), selectinload(Post.categories))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return row


@router.get("")
async def list_posts(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    tag: Annotated[SafeStr | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows. Filters: tag."""
    statement = select(Post)
    if tag is not None:
        statement = statement.where(Post.tags.any(Tag.name == tag))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Post.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(selectinload(Post.tags), selectinload(Post.categories))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PostDetail.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{post_id}", responses=error_responses(404))
async def get_post(
    session: SessionDep,
    post_id: Int32,
) -> PostDetail:
    """One Post by id; 404 when there is none."""
    row = await _fetch(session, Post.id == post_id)
    return PostDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_post(
    session: SessionDep,
    body: PostCreate,
) -> PostDetail:
    """Creates a Post."""
    data = body.model_dump(exclude_unset=True)
    data.pop("tags", None)
    row = Post(**data)
    row.tags = await get_or_create(session, Tag, Tag.name, body.tags)
    session.add(row)
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))


@router.patch("/{post_id}", responses=error_responses(404, 409))
async def update_post(
    session: SessionDep,
    post_id: Int32,
    body: PostUpdate,
) -> PostDetail:
    """Changes the fields sent of a Post by id; 404 when there is none."""
    row = await _fetch(session, Post.id == post_id)
    data = body.model_dump(exclude_unset=True)
    data.pop("tags", None)
    if body.tags is not None:
        row.tags = await get_or_create(session, Tag, Tag.name, body.tags)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))


@router.put("/{post_id}", responses=error_responses(404, 409))
async def replace_post(
    session: SessionDep,
    post_id: Int32,
    body: PostReplace,
) -> PostDetail:
    """Replaces a Post by id with the whole object sent; 404 when there is
    none.
    """
    row = await _fetch(session, Post.id == post_id)
    data = body.model_dump()
    data.pop("tags", None)
    if body.tags is not None:
        row.tags = await get_or_create(session, Tag, Tag.name, body.tags)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PostDetail.model_validate(await _fetch(session, Post.id == row.id))


@router.delete("/{post_id}", status_code=204, responses=error_responses(404, 409))
async def delete_post(
    session: SessionDep,
    post_id: Int32,
) -> None:
    """Deletes a Post by id; 404 when there is none."""
    row = await _fetch(session, Post.id == post_id)
    await session.delete(row)
    await commit_or_409(session)
