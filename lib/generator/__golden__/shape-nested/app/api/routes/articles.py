from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser
from app.models.article import Article
from app.schemas.article import ArticleCreateBody, ArticleReplaceBody, ArticleSummary
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import ArticleDetail, ArticleDetailEnvelope, ArticleList

router = APIRouter(prefix="/articles", tags=["articles"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Article:
    """One Article (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Article)
        .where(*where)
        .options(selectinload(Article.author))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Article not found")
    return row


@router.get("")
async def list_articles(
    session: SessionDep,
    current_user: OptionalUser,
    page: Annotated[int, Query(ge=1, le=90071992547409)] = 1,
    size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> ArticleList:
    """A page (page, pageSize) of the Article rows."""
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    statement = select(Article)
    statement = statement.where(visible)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Article.id)
    statement = (
        statement.limit(size)
        .offset((page - 1) * size)
        .options(selectinload(Article.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleSummary.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total)


@router.get("/{slug}", responses=error_responses(404))
async def get_article(
    session: SessionDep,
    current_user: OptionalUser,
    slug: SafeStr,
) -> ArticleDetailEnvelope:
    """One Article by slug; 404 when there is none."""
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    row = await _fetch(session, Article.slug == slug, visible)
    return ArticleDetailEnvelope(article=ArticleDetail.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_article(
    session: SessionDep,
    current_user: CurrentUser,
    wrapped: ArticleCreateBody,
) -> ArticleDetailEnvelope:
    """Creates an Article owned by the caller."""
    body = wrapped.article
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    row = Article(**data)
    session.add(row)
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id)
        )
    )


@router.put("/{slug}", responses=error_responses(401, 404, 409))
async def update_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    wrapped: ArticleReplaceBody,
) -> ArticleDetailEnvelope:
    """Replaces an Article of the caller by slug with the whole object sent;
    404 when there is none.
    """
    body = wrapped.article
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    data = body.model_dump()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id)
        )
    )


@router.delete("/{slug}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> None:
    """Deletes an Article of the caller by slug; 404 when there is none."""
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
