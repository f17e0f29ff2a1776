from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser, require_reference
from app.models.comment import Comment
from app.models.post import Post
from app.schemas.comment import CommentCreate, CommentUpdate
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import CommentDetail, CommentList

router = APIRouter(prefix="/comments", tags=["comments"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Comment:
    """One Comment (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Comment)
        .where(*where)
        .options(selectinload(Comment.author))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Comment not found")
    return row


@router.get("")
async def list_comments(
    session: SessionDep,
    current_user: OptionalUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    post_slug: Annotated[SafeStr | None, Query()] = None,
) -> CommentList:
    """A page (limit, offset) of the Comment rows. Filters: post_slug."""
    visible: ColumnElement[bool] = Comment.post.has(Post.published.is_(True))
    if current_user is not None:
        visible = Comment.post.has(
            or_(Post.published.is_(True), Post.author_id == current_user.id)
        )
    statement = select(Comment)
    statement = statement.where(visible)
    if post_slug is not None:
        statement = statement.where(Comment.post.has(Post.slug == post_slug))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Comment.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Comment.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [CommentDetail.model_validate(row) for row in rows]
    return CommentList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{comment_id}", responses=error_responses(404))
async def get_comment(
    session: SessionDep,
    current_user: OptionalUser,
    comment_id: Int32,
) -> CommentDetail:
    """One Comment by id; 404 when there is none."""
    visible: ColumnElement[bool] = Comment.post.has(Post.published.is_(True))
    if current_user is not None:
        visible = Comment.post.has(
            or_(Post.published.is_(True), Post.author_id == current_user.id)
        )
    row = await _fetch(session, Comment.id == comment_id, visible)
    return CommentDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_comment(
    session: SessionDep,
    current_user: CurrentUser,
    body: CommentCreate,
) -> CommentDetail:
    """Creates a Comment owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    await require_reference(
        session,
        "post_id",
        body.post_id,
        select(Post.id).where(
            Post.id == body.post_id,
            or_(Post.published.is_(True), Post.author_id == current_user.id),
        ),
    )
    row = Comment(**data)
    session.add(row)
    await commit_or_409(session)
    return CommentDetail.model_validate(await _fetch(session, Comment.id == row.id))


@router.patch("/{comment_id}", responses=error_responses(401, 404, 409))
async def update_comment(
    session: SessionDep,
    current_user: CurrentUser,
    comment_id: Int32,
    body: CommentUpdate,
) -> CommentDetail:
    """Changes the fields sent of a Comment of the caller by id; 404 when there
    is none.
    """
    row = await _fetch(
        session, Comment.id == comment_id, Comment.author_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    if body.post_id is not None:
        await require_reference(
            session,
            "post_id",
            body.post_id,
            select(Post.id).where(
                Post.id == body.post_id,
                or_(Post.published.is_(True), Post.author_id == current_user.id),
            ),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CommentDetail.model_validate(await _fetch(session, Comment.id == row.id))


@router.delete(
    "/{comment_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_comment(
    session: SessionDep,
    current_user: CurrentUser,
    comment_id: Int32,
) -> None:
    """Deletes a Comment of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, Comment.id == comment_id, Comment.author_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
