from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload, with_expression

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import ViewerUser
from app.models.article import Article
from app.models.comment import Comment
from app.models.computed import user_following
from app.models.user import User
from app.schemas.comment import CommentCreateBody
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import CommentDetail, CommentDetailEnvelope, CommentList

router = APIRouter(prefix="/articles/{slug}/comments", tags=["comments"])


async def _fetch(
    session: AsyncSession, *where: ColumnElement[bool], viewer: User | None
) -> Comment:
    """One Comment (embeds and the viewer's computed fields loaded), or 404."""
    statement = (
        select(Comment)
        .where(*where)
        .options(
            selectinload(Comment.author).options(
                with_expression(User.following, user_following(viewer))
            )
        )
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Comment not found")
    return row


async def _parent_id(
    session: AsyncSession,
    value: SafeStr,
) -> Int32:
    """The id of the Article the path names, if the caller may read it; else 404."""
    statement = select(Article.id).where(Article.slug == value)
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise HTTPException(status_code=404, detail="Article not found")
    return found


@router.get(
    "", responses=error_responses(401, 404, 422), openapi_extra={"security": [{}]}
)
async def list_comments(
    session: SessionDep,
    current_user: ViewerUser,
    slug: SafeStr,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CommentList:
    """A page (limit, offset) of the Comment rows. Under the Article the path
    names: 404 when there is none. A valid token identifies the caller; an
    invalid or expired one is a 401.
    """
    statement = select(Comment)
    statement = statement.where(Comment.article_id == await _parent_id(session, slug))
    statement = statement.order_by(Comment.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Comment.author).options(
                with_expression(User.following, user_following(current_user))
            )
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [CommentDetail.model_validate(row) for row in rows]
    return CommentList(items=items)


@router.get(
    "/{comment_id}",
    responses=error_responses(401, 404, 422),
    openapi_extra={"security": [{}]},
)
async def get_comment(
    session: SessionDep,
    current_user: ViewerUser,
    slug: SafeStr,
    comment_id: Int32,
) -> CommentDetailEnvelope:
    """One Comment by id; 404 when there is none. Under the Article the path
    names: 404 when there is none. A valid token identifies the caller; an
    invalid or expired one is a 401.
    """
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug),
        Comment.id == comment_id,
        viewer=current_user,
    )
    return CommentDetailEnvelope(comment=CommentDetail.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 404, 409, 422))
async def create_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    wrapped: CommentCreateBody,
) -> CommentDetailEnvelope:
    """Creates a Comment owned by the caller. Under the Article the path names:
    404 when there is none.
    """
    body = wrapped.comment
    data = body.model_dump(exclude_unset=True)
    data["article_id"] = await _parent_id(session, slug)
    data["author_id"] = current_user.id
    row = Comment(**data)
    session.add(row)
    await commit_or_409(session)
    return CommentDetailEnvelope(
        comment=CommentDetail.model_validate(
            await _fetch(session, Comment.id == row.id, viewer=current_user)
        )
    )


@router.delete(
    "/{comment_id}", status_code=204, responses=error_responses(401, 404, 409, 422)
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
        Comment.article_id == await _parent_id(session, slug),
        Comment.id == comment_id,
        Comment.author_id == current_user.id,
        viewer=current_user,
    )
    await session.delete(row)
    await commit_or_409(session)
