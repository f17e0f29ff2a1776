from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload, with_expression

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.derived import unique_slug
from app.api.scoping import ViewerUser
from app.api.value_lists import get_or_create
from app.models.article import Article
from app.models.associations import favorites
from app.models.computed import article_favorited, user_following
from app.models.tag import Tag
from app.models.user import User
from app.schemas.article import ArticleCreateBody, ArticleReplaceBody
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import ArticleDetail, ArticleDetailEnvelope, ArticleList

router = APIRouter(prefix="/articles", tags=["articles"])


async def _fetch(
    session: AsyncSession, *where: ColumnElement[bool], viewer: User | None
) -> Article:
    """One Article (embeds and the viewer's computed fields loaded), or 404."""
    statement = (
        select(Article)
        .where(*where)
        .options(
            selectinload(Article.author).options(
                with_expression(User.following, user_following(viewer))
            ),
            selectinload(Article.tags),
            with_expression(Article.favorited, article_favorited(viewer)),
        )
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Article not found")
    return row


@router.get("", responses=error_responses(401, 422), openapi_extra={"security": [{}]})
async def list_articles(
    session: SessionDep,
    current_user: ViewerUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    author: Annotated[SafeStr | None, Query()] = None,
    tag: Annotated[SafeStr | None, Query()] = None,
) -> ArticleList:
    """A page (limit, offset) of the Article rows. Filters: author and tag. A
    valid token identifies the caller; an invalid or expired one is a 401.
    """
    statement = select(Article)
    if author is not None:
        statement = statement.where(Article.author.has(User.username == author))
    if tag is not None:
        statement = statement.where(Article.tags.any(Tag.name == tag))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = "-id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "id":
        column = Article.id
    else:
        column = Article.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Article.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Article.author).options(
                with_expression(User.following, user_following(current_user))
            ),
            selectinload(Article.tags),
            with_expression(Article.favorited, article_favorited(current_user)),
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleDetail.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total)


@router.get(
    "/feed",
    summary="Articles of the users you follow",
    responses=error_responses(401, 422),
)
async def list_articles_feed(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    author: Annotated[SafeStr | None, Query()] = None,
    tag: Annotated[SafeStr | None, Query()] = None,
) -> ArticleList:
    """A page (limit, offset) of the Article rows that reach the caller through
    `author`, then `followers`. Filters: author and tag. Signed-in callers
    only (401 without a valid token).
    """
    statement = select(Article)
    statement = statement.where(
        Article.author.has(User.followers.any(User.id == current_user.id))
    )
    if author is not None:
        statement = statement.where(Article.author.has(User.username == author))
    if tag is not None:
        statement = statement.where(Article.tags.any(Tag.name == tag))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = "-id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "id":
        column = Article.id
    else:
        column = Article.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Article.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Article.author).options(
                with_expression(User.following, user_following(current_user))
            ),
            selectinload(Article.tags),
            with_expression(Article.favorited, article_favorited(current_user)),
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ArticleDetail.model_validate(row) for row in rows]
    return ArticleList(items=items, total=total)


@router.get(
    "/{slug}",
    responses=error_responses(401, 404, 422),
    openapi_extra={"security": [{}]},
)
async def get_article(
    session: SessionDep,
    current_user: ViewerUser,
    slug: SafeStr,
) -> ArticleDetailEnvelope:
    """One Article by slug; 404 when there is none. A valid token identifies
    the caller; an invalid or expired one is a 401.
    """
    row = await _fetch(session, Article.slug == slug, viewer=current_user)
    return ArticleDetailEnvelope(article=ArticleDetail.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 409, 422))
async def create_article(
    session: SessionDep,
    current_user: CurrentUser,
    wrapped: ArticleCreateBody,
) -> ArticleDetailEnvelope:
    """Creates an Article owned by the caller."""
    body = wrapped.article
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    data["slug"] = await unique_slug(session, Article.slug, body.title, 200, "title")
    data.pop("tags", None)
    row = Article(**data)
    row.tags = await get_or_create(session, Tag, Tag.name, body.tags)
    session.add(row)
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id, viewer=current_user)
        )
    )


@router.put("/{slug}", responses=error_responses(401, 404, 409, 422))
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
        session,
        Article.slug == slug,
        Article.author_id == current_user.id,
        viewer=current_user,
    )
    data = body.model_dump()
    if "title" in data and data["title"] != row.title:
        data["slug"] = await unique_slug(
            session, Article.slug, data["title"], 200, "title", Article.id != row.id
        )
    data.pop("tags", None)
    if body.tags is not None:
        row.tags = await get_or_create(session, Tag, Tag.name, body.tags)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id, viewer=current_user)
        )
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
        session,
        Article.slug == slug,
        Article.author_id == current_user.id,
        viewer=current_user,
    )
    await session.delete(row)
    await commit_or_409(session)


@router.post(
    "/{slug}/favorite",
    summary="Favorite an article",
    responses=error_responses(401, 404, 409, 422),
)
async def favorite_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetailEnvelope:
    """Links the caller to an Article by slug and answers it; adding an
    existing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Article.slug == slug, viewer=current_user)
    await add_link(
        session,
        favorites,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id, viewer=current_user)
        )
    )


@router.delete(
    "/{slug}/favorite",
    summary="Favorite an article",
    responses=error_responses(401, 404, 422),
)
async def unfavorite_article(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
) -> ArticleDetailEnvelope:
    """Unlinks the caller from an Article by slug and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Article.slug == slug, viewer=current_user)
    await remove_link(
        session,
        favorites,
        {"article_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return ArticleDetailEnvelope(
        article=ArticleDetail.model_validate(
            await _fetch(session, Article.id == row.id, viewer=current_user)
        )
    )
