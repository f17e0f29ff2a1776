from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.enums import ArticleStatus
from app.models.article import Article
from app.models.bookmark import Bookmark
from app.schemas.article import ArticleCreateBody, ArticleRead, ArticleReplaceBody
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import ArticleList, ArticleReadEnvelope

router = APIRouter(prefix="/articles", tags=["articles"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Article:
    """One Article (relations to embed loaded eagerly), or 404."""
    statement = select(Article).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Article not found")
    return row


@router.get("", responses=error_responses(422))
async def list_articles(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> ArticleList:
    """A page (limit, offset) of the Article rows."""
    statement = select(Article)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Article.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleRead.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{slug}", responses=error_responses(404, 422))
async def get_article(
    session: SessionDep,
    slug: SafeStr,
) -> ArticleReadEnvelope:
    """One Article by slug; 404 when there is none."""
    row = await _fetch(session, Article.slug == slug)
    return ArticleReadEnvelope(article=ArticleRead.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 409, 422))
async def create_article(
    session: SessionDep,
    current_user: CurrentUser,
    wrapped: ArticleCreateBody,
) -> ArticleReadEnvelope:
    """Creates an Article owned by the caller."""
    body = wrapped.article
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    row = Article(**data)
    session.add(row)
    await commit_or_409(session)
    return ArticleReadEnvelope(
        article=ArticleRead.model_validate(await _fetch(session, Article.id == row.id))
    )


@router.put("/{slug}", responses=error_responses(401, 404, 409, 422))
async def update_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    wrapped: ArticleReplaceBody,
) -> ArticleReadEnvelope:
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
    return ArticleReadEnvelope(
        article=ArticleRead.model_validate(await _fetch(session, Article.id == row.id))
    )


@router.delete(
    "/{slug}", status_code=204, responses=error_responses(401, 404, 409, 422)
)
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


@router.post("/{slug}/bookmark", responses=error_responses(401, 404, 409, 422))
async def bookmark_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleReadEnvelope:
    """Links the caller to an Article by slug and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Article.slug == slug)
    await add_link(
        session,
        Bookmark,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleReadEnvelope(
        article=ArticleRead.model_validate(await _fetch(session, Article.id == row.id))
    )


@router.delete("/{slug}/bookmark", responses=error_responses(401, 404, 422))
async def unbookmark_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleReadEnvelope:
    """Unlinks the caller from an Article by slug and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Article.slug == slug)
    await remove_link(
        session,
        Bookmark,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleReadEnvelope(
        article=ArticleRead.model_validate(await _fetch(session, Article.id == row.id))
    )


@router.patch("/{slug}/archive", responses=error_responses(401, 404, 409, 422))
async def archive_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleReadEnvelope:
    """Sets `status` to \"archived\" on an Article of the caller by slug, and
    answers it; 404 when there is none.
    """
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    row.status = ArticleStatus.ARCHIVED
    await commit_or_409(session)
    return ArticleReadEnvelope(
        article=ArticleRead.model_validate(await _fetch(session, Article.id == row.id))
    )
