from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409, require_roles
from app.api.scoping import OptionalUser
from app.models.article import Article
from app.models.user import User
from app.schemas.article import ArticleCreate, ArticleRead, ArticleUpdate
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import ArticleList

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
    current_user: OptionalUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> ArticleList:
    """A page (limit, offset) of the Article rows."""
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    statement = select(Article)
    statement = statement.where(visible)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Article.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleRead.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{article_id}", responses=error_responses(404, 422))
async def get_article(
    session: SessionDep,
    current_user: OptionalUser,
    article_id: Int32,
) -> ArticleRead:
    """One Article by id; 404 when there is none."""
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    row = await _fetch(session, Article.id == article_id, visible)
    return ArticleRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409, 422))
async def create_article(
    session: SessionDep,
    current_user: CurrentUser,
    body: ArticleCreate,
) -> ArticleRead:
    """Creates an Article owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    row = Article(**data)
    session.add(row)
    await commit_or_409(session)
    return ArticleRead.model_validate(await _fetch(session, Article.id == row.id))


@router.patch("/{article_id}", responses=error_responses(401, 404, 409, 422))
async def update_article(
    session: SessionDep,
    current_user: CurrentUser,
    article_id: Int32,
    body: ArticleUpdate,
) -> ArticleRead:
    """Changes the fields sent of an Article of the caller by id; 404 when
    there is none.
    """
    row = await _fetch(
        session, Article.id == article_id, Article.author_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ArticleRead.model_validate(await _fetch(session, Article.id == row.id))


@router.delete(
    "/{article_id}", status_code=204, responses=error_responses(401, 403, 404, 409, 422)
)
async def delete_article(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    article_id: Int32,
) -> None:
    """Deletes an Article by id; 404 when there is none."""
    row = await _fetch(
        session,
        Article.id == article_id,
        or_(Article.published.is_(True), Article.author_id == current_user.id),
    )
    await session.delete(row)
    await commit_or_409(session)
