from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser
from app.models.article import Article
from app.models.associations import comments_liked_by
from app.models.comment import Comment
from app.models.user import User
from app.schemas.comment import CommentCreate, CommentRead, CommentUpdate
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import CommentList

router = APIRouter(prefix="/articles/{slug}/comments", tags=["comments"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Comment:
    """One Comment (relations to embed loaded eagerly), or 404."""
    statement = select(Comment).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Comment not found")
    return row


async def _parent_id(
    session: AsyncSession,
    value: SafeStr,
    current_user: User | None,
) -> Int32:
    """The id of the Article the path names, if the caller may read it; else 404."""
    if current_user is None:
        statement = select(Article.id).where(
            Article.slug == value, Article.published.is_(True)
        )
    else:
        statement = select(Article.id).where(
            Article.slug == value,
            or_(Article.published.is_(True), Article.author_id == current_user.id),
        )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise HTTPException(status_code=404, detail="Article not found")
    return found


@router.get("", responses=error_responses(404))
async def list_comments(
    session: SessionDep,
    current_user: OptionalUser,
    slug: SafeStr,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CommentList:
    """A page (limit, offset) of the Comment rows. Under the Article the path
    names: 404 when there is none.
    """
    visible: ColumnElement[bool] = Comment.article.has(Article.published.is_(True))
    if current_user is not None:
        visible = Comment.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        )
    statement = select(Comment)
    statement = statement.where(
        Comment.article_id == await _parent_id(session, slug, current_user)
    )
    statement = statement.where(visible)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Comment.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [CommentRead.model_validate(row) for row in rows]
    return CommentList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{comment_id}", responses=error_responses(404))
async def get_comment(
    session: SessionDep,
    current_user: OptionalUser,
    slug: SafeStr,
    comment_id: Int32,
) -> CommentRead:
    """One Comment by id; 404 when there is none. Under the Article the path
    names: 404 when there is none.
    """
    visible: ColumnElement[bool] = Comment.article.has(Article.published.is_(True))
    if current_user is not None:
        visible = Comment.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        )
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        visible,
    )
    return CommentRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 404, 409))
async def create_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    body: CommentCreate,
) -> CommentRead:
    """Creates a Comment owned by the caller. Under the Article the path names:
    404 when there is none.
    """
    data = body.model_dump(exclude_unset=True)
    data["article_id"] = await _parent_id(session, slug, current_user)
    data["author_id"] = current_user.id
    row = Comment(**data)
    session.add(row)
    await commit_or_409(session)
    return CommentRead.model_validate(await _fetch(session, Comment.id == row.id))


@router.patch("/{comment_id}", responses=error_responses(401, 404, 409))
async def update_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
    body: CommentUpdate,
) -> CommentRead:
    """Changes the fields sent of a Comment of the caller by id; 404 when there
    is none. Under the Article the path names: 404 when there is none.
    """
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        Comment.author_id == current_user.id,
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CommentRead.model_validate(await _fetch(session, Comment.id == row.id))


@router.delete(
    "/{comment_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
) -> None:
    """Deletes a Comment of the caller by id; 404 when there is none. Under the
    Article the path names: 404 when there is none.
    """
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        Comment.author_id == current_user.id,
    )
    await session.delete(row)
    await commit_or_409(session)


@router.post("/{comment_id}/like", responses=error_responses(401, 404, 409))
async def like_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
) -> CommentRead:
    """Links the caller to a Comment by id and answers it; adding an existing
    link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        Comment.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        ),
    )
    await add_link(
        session,
        comments_liked_by,
        {"comment_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return CommentRead.model_validate(await _fetch(session, Comment.id == row.id))


@router.delete("/{comment_id}/like", responses=error_responses(401, 404))
async def unlike_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
) -> CommentRead:
    """Unlinks the caller from a Comment by id and answers it; removing a
    missing link changes nothing. 404 when there is none.
    """
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        Comment.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        ),
    )
    await remove_link(
        session,
        comments_liked_by,
        {"comment_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return CommentRead.model_validate(await _fetch(session, Comment.id == row.id))
