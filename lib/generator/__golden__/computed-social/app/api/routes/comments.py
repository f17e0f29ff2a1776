from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.comment import Comment
from app.models.post import Post
from app.schemas.comment import CommentCreate, CommentRead, CommentUpdate
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import CommentList

router = APIRouter(prefix="/comments", tags=["comments"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Comment:
    """One Comment (relations to embed loaded eagerly), or 404."""
    statement = select(Comment).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Comment not found")
    return row


@router.get("")
async def list_comments(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CommentList:
    """A page (limit, offset) of the Comment rows."""
    statement = select(Comment)
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
    comment_id: Int32,
) -> CommentRead:
    """One Comment by id; 404 when there is none."""
    row = await _fetch(session, Comment.id == comment_id)
    return CommentRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_comment(
    session: SessionDep,
    current_user: CurrentUser,
    body: CommentCreate,
) -> CommentRead:
    """Creates a Comment."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session, "postId", body.post_id, select(Post.id).where(Post.id == body.post_id)
    )
    row = Comment(**data)
    session.add(row)
    await commit_or_409(session)
    return CommentRead.model_validate(await _fetch(session, Comment.id == row.id))


@router.patch("/{comment_id}", responses=error_responses(401, 404, 409))
async def update_comment(
    session: SessionDep,
    current_user: CurrentUser,
    comment_id: Int32,
    body: CommentUpdate,
) -> CommentRead:
    """Changes the fields sent of a Comment by id; 404 when there is none."""
    row = await _fetch(session, Comment.id == comment_id)
    data = body.model_dump(exclude_unset=True)
    if body.post_id is not None:
        await require_reference(
            session,
            "postId",
            body.post_id,
            select(Post.id).where(Post.id == body.post_id),
        )
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
    comment_id: Int32,
) -> None:
    """Deletes a Comment by id; 404 when there is none."""
    row = await _fetch(session, Comment.id == comment_id)
    await session.delete(row)
    await commit_or_409(session)
