from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser
from app.core.db import Bytewise
from app.models.article import Article
from app.models.user import User
from app.schemas.article import ArticleCreate, ArticleUpdate
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import ArticleDetail, ArticleList

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
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["title", "-title"] | None, Query()] = None,
    title: Annotated[SafeStr | None, Query()] = None,
) -> ArticleList:
    """A page (limit, offset) of the Article rows. Filters: title. Sort by
    title (`-` for descending).
    """
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    statement = select(Article)
    statement = statement.where(visible)
    if title is not None:
        statement = statement.where(Article.title == title)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "title"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "title":
        column = Bytewise(Article.title)
    else:
        column = Article.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Article.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Article.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleDetail.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/feed",
    summary="Articles by the authors the caller follows",
    responses=error_responses(401),
)
async def list_articles_feed(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["title", "-title"] | None, Query()] = None,
    title: Annotated[SafeStr | None, Query()] = None,
) -> ArticleList:
    """A page (limit, offset) of the Article rows that reach the caller through
    `author`, then `followers`. Filters: title. Sort by title (`-` for
    descending). Signed-in callers only (401 without a valid token).
    """
    statement = select(Article)
    statement = statement.where(
        Article.author.has(User.followers.any(User.id == current_user.id))
    )
    statement = statement.where(
        or_(Article.published.is_(True), Article.author_id == current_user.id)
    )
    if title is not None:
        statement = statement.where(Article.title == title)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "title"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "title":
        column = Bytewise(Article.title)
    else:
        column = Article.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Article.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Article.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleDetail.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{slug}", responses=error_responses(404))
async def get_article(
    session: SessionDep,
    current_user: OptionalUser,
    slug: SafeStr,
) -> ArticleDetail:
    """One Article by slug; 404 when there is none."""
    visible: ColumnElement[bool] = Article.published.is_(True)
    if current_user is not None:
        visible = or_(Article.published.is_(True), Article.author_id == current_user.id)
    row = await _fetch(session, Article.slug == slug, visible)
    return ArticleDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_article(
    session: SessionDep,
    current_user: CurrentUser,
    body: ArticleCreate,
) -> ArticleDetail:
    """Creates an Article owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    row = Article(**data)
    session.add(row)
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.patch("/{slug}", responses=error_responses(401, 404, 409))
async def update_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    body: ArticleUpdate,
) -> ArticleDetail:
    """Changes the fields sent of an Article of the caller by slug; 404 when
    there is none.
    """
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


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
