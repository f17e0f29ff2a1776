from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.actions import add_link, found_id, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser, load_links, require_reference
from app.core.db import utc_now
from app.models.article import Article
from app.models.associations import articles_tags, favorites
from app.models.tag import Tag
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
        .options(selectinload(Article.tags))
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
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Article.tags))
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
    if body.editor_id is not None:
        await require_reference(
            session,
            "editor_id",
            body.editor_id,
            select(User.id).where(User.id == body.editor_id),
        )
    data.pop("tags", None)
    row = Article(**data)
    row.tags = await load_links(
        session,
        "tags",
        body.tags,
        select(Tag).where(Tag.id.in_(body.tags)),
    )
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
    if body.editor_id is not None:
        await require_reference(
            session,
            "editor_id",
            body.editor_id,
            select(User.id).where(User.id == body.editor_id),
        )
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


@router.post("/{slug}/favorite", responses=error_responses(401, 404, 409))
async def favorite_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetail:
    """Links the caller to an Article by slug and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session,
        Article.slug == slug,
        or_(Article.published.is_(True), Article.author_id == current_user.id),
    )
    await add_link(
        session,
        favorites,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.delete("/{slug}/favorite", responses=error_responses(401, 404))
async def unfavorite_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetail:
    """Unlinks the caller from an Article by slug and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session,
        Article.slug == slug,
        or_(Article.published.is_(True), Article.author_id == current_user.id),
    )
    await remove_link(
        session,
        favorites,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.post("/{slug}/tags/{name}", responses=error_responses(401, 404, 409))
async def tags_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    name: SafeStr,
) -> ArticleDetail:
    """Links the Tag the path names (404 when there is none or it is not
    readable) to an Article of the caller by slug and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    await add_link(
        session,
        articles_tags,
        {
            "article_id": row.id,
            "tag_id": await found_id(
                session, select(Tag.id).where(Tag.name == name), "Tag not found"
            ),
        },
    )
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.delete("/{slug}/tags/{name}", responses=error_responses(401, 404))
async def untags_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    name: SafeStr,
) -> ArticleDetail:
    """Unlinks the Tag the path names (404 when there is none or it is not
    readable) from an Article of the caller by slug and answers it; removing
    a missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    await remove_link(
        session,
        articles_tags,
        {
            "article_id": row.id,
            "tag_id": await found_id(
                session, select(Tag.id).where(Tag.name == name), "Tag not found"
            ),
        },
    )
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.post("/{slug}/publish", responses=error_responses(401, 404, 409))
async def publish_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetail:
    """Sets `published` to true and `published_at` to now on an Article of the
    caller by slug, and answers it; 404 when there is none.
    """
    row = await _fetch(
        session, Article.slug == slug, Article.author_id == current_user.id
    )
    row.published = True
    row.published_at = utc_now()
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))


@router.put("/{slug}/claim", responses=error_responses(401, 404, 409))
async def claim_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetail:
    """Sets `editor_id` to the caller on an Article by slug, and answers it;
    404 when there is none.
    """
    row = await _fetch(
        session,
        Article.slug == slug,
        or_(Article.published.is_(True), Article.author_id == current_user.id),
    )
    row.editor_id = current_user.id
    await commit_or_409(session)
    return ArticleDetail.model_validate(await _fetch(session, Article.id == row.id))
