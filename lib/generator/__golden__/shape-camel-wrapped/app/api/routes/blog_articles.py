from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.core.db import Bytewise
from app.models.author import Author
from app.models.blog_article import BlogArticle
from app.schemas.blog_article import (
    BlogArticleCreateBody,
    BlogArticleReplaceBody,
    BlogArticleUpdateBody,
)
from app.schemas.common import Int32, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import (
    BlogArticleDetail,
    BlogArticleDetailEnvelope,
    BlogArticleList,
)

router = APIRouter(prefix="/blog-articles", tags=["blog-articles"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> BlogArticle:
    """One BlogArticle (relations to embed loaded eagerly), or 404."""
    statement = (
        select(BlogArticle)
        .where(*where)
        .options(selectinload(BlogArticle.written_by))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="BlogArticle not found")
    return row


@router.get("")
async def list_blog_articles(
    session: SessionDep,
    page: Annotated[int, Query(ge=1, le=180143985094819)] = 1,
    size: Annotated[int, Query(alias="pageSize", ge=1, le=50)] = 10,
    sort: Annotated[
        Literal["title", "-title", "viewCount", "-viewCount"] | None, Query()
    ] = None,
    author: Annotated[SafeStr | None, Query()] = None,
    view_count: Annotated[Int32 | None, Query(alias="viewCount")] = None,
) -> BlogArticleList:
    """A page (page, pageSize) of the BlogArticle rows. Filters: author and
    viewCount. Sort by title and viewCount (`-` for descending).
    """
    statement = select(BlogArticle)
    if author is not None:
        statement = statement.where(
            BlogArticle.written_by.has(Author.username == author)
        )
    if view_count is not None:
        statement = statement.where(BlogArticle.view_count == view_count)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "title":
        column = Bytewise(BlogArticle.title)
    elif key == "viewCount":
        column = BlogArticle.view_count
    else:
        column = BlogArticle.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, BlogArticle.id)
    statement = (
        statement.limit(size)
        .offset((page - 1) * size)
        .options(selectinload(BlogArticle.written_by))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [BlogArticleDetail.model_validate(row) for row in rows]
    return BlogArticleList(items=items, total=total)


@router.get("/{blog_article_id}", responses=error_responses(404))
async def get_blog_article(
    session: SessionDep,
    blog_article_id: Int32,
) -> BlogArticleDetailEnvelope:
    """One BlogArticle by id; 404 when there is none."""
    row = await _fetch(session, BlogArticle.id == blog_article_id)
    return BlogArticleDetailEnvelope(blog_article=BlogArticleDetail.model_validate(row))


@router.post("", status_code=201, responses=error_responses(409))
async def create_blog_article(
    session: SessionDep,
    wrapped: BlogArticleCreateBody,
) -> BlogArticleDetailEnvelope:
    """Creates a BlogArticle."""
    body = wrapped.blog_article
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "writtenById",
        body.written_by_id,
        select(Author.id).where(Author.id == body.written_by_id),
    )
    row = BlogArticle(**data)
    session.add(row)
    await commit_or_409(session)
    return BlogArticleDetailEnvelope(
        blog_article=BlogArticleDetail.model_validate(
            await _fetch(session, BlogArticle.id == row.id)
        )
    )


@router.patch("/{blog_article_id}", responses=error_responses(404, 409))
async def update_blog_article(
    session: SessionDep,
    blog_article_id: Int32,
    wrapped: BlogArticleUpdateBody,
) -> BlogArticleDetailEnvelope:
    """Changes the fields sent of a BlogArticle by id; 404 when there is none."""
    body = wrapped.blog_article
    row = await _fetch(session, BlogArticle.id == blog_article_id)
    data = body.model_dump(exclude_unset=True)
    if body.written_by_id is not None:
        await require_reference(
            session,
            "writtenById",
            body.written_by_id,
            select(Author.id).where(Author.id == body.written_by_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return BlogArticleDetailEnvelope(
        blog_article=BlogArticleDetail.model_validate(
            await _fetch(session, BlogArticle.id == row.id)
        )
    )


@router.put("/{blog_article_id}", responses=error_responses(404, 409))
async def replace_blog_article(
    session: SessionDep,
    blog_article_id: Int32,
    wrapped: BlogArticleReplaceBody,
) -> BlogArticleDetailEnvelope:
    """Replaces a BlogArticle by id with the whole object sent; 404 when there
    is none.
    """
    body = wrapped.blog_article
    row = await _fetch(session, BlogArticle.id == blog_article_id)
    data = body.model_dump()
    if body.written_by_id is not None:
        await require_reference(
            session,
            "writtenById",
            body.written_by_id,
            select(Author.id).where(Author.id == body.written_by_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return BlogArticleDetailEnvelope(
        blog_article=BlogArticleDetail.model_validate(
            await _fetch(session, BlogArticle.id == row.id)
        )
    )


@router.delete(
    "/{blog_article_id}", status_code=204, responses=error_responses(404, 409)
)
async def delete_blog_article(
    session: SessionDep,
    blog_article_id: Int32,
) -> None:
    """Deletes a BlogArticle by id; 404 when there is none."""
    row = await _fetch(session, BlogArticle.id == blog_article_id)
    await session.delete(row)
    await commit_or_409(session)
