from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import ViewerUser
from app.models.article import Article
from app.models.comment import Comment
from app.models.user import User
from app.schemas.comment import CommentCreateBody, CommentReplaceBody, CommentUpdateBody
from app.schemas.common import Int32, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import CommentDetail, CommentDetailEnvelope, CommentList

router = APIRouter(prefix="/articles/{slug}/comments", tags=["comments"])


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


async def _parent_id(
    session: AsyncSession,
    value: SafeStr,
    current_user: User | None,
    owner: User | None = None,
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
    if owner is not None:
        mine = select(Article.id).where(
            Article.id == found, Article.author_id == owner.id
        )
        if (await session.execute(mine)).first() is None:
            raise HTTPException(
                status_code=403,
                detail="Only the owner of the Article may do this",
            )
    return found


@router.get("", responses=error_responses(401, 404), openapi_extra={"security": [{}]})
async def list_comments(
    session: SessionDep,
    current_user: ViewerUser,
    slug: SafeStr,
    page: Annotated[int, Query(ge=1, le=90071992547409)] = 1,
    size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> CommentList:
    """A page (page, pageSize) of the Comment rows. Under the Article the path
    names: 404 when there is none. A valid token identifies the caller; an
    invalid or expired one is a 401.
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
    statement = (
        statement.limit(size)
        .offset((page - 1) * size)
        .options(selectinload(Comment.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [CommentDetail.model_validate(row) for row in rows]
    return CommentList(items=items, total=total)


@router.get(
    "/{comment_id}",
    responses=error_responses(401, 404),
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
    return CommentDetailEnvelope(comment=CommentDetail.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 404, 409))
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
    data["article_id"] = await _parent_id(session, slug, current_user)
    data["author_id"] = current_user.id
    row = Comment(**data)
    session.add(row)
    await commit_or_409(session)
    return CommentDetailEnvelope(
        comment=CommentDetail.model_validate(
            await _fetch(session, Comment.id == row.id)
        )
    )


@router.patch("/{comment_id}", responses=error_responses(401, 404, 409))
async def update_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
    wrapped: CommentUpdateBody,
) -> CommentDetailEnvelope:
    """Changes the fields sent of a Comment of the caller by id; 404 when there
    is none. Under the Article the path names: 404 when there is none.
    """
    body = wrapped.comment
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
    return CommentDetailEnvelope(
        comment=CommentDetail.model_validate(
            await _fetch(session, Comment.id == row.id)
        )
    )


@router.put("/{comment_id}", responses=error_responses(401, 404, 409))
async def replace_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
    wrapped: CommentReplaceBody,
) -> CommentDetailEnvelope:
    """Replaces a Comment of the caller by id with the whole object sent; 404
    when there is none. Under the Article the path names: 404 when there is
    none.
    """
    body = wrapped.comment
    row = await _fetch(
        session,
        Comment.article_id == await _parent_id(session, slug, current_user),
        Comment.id == comment_id,
        Comment.author_id == current_user.id,
    )
    data = body.model_dump()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CommentDetailEnvelope(
        comment=CommentDetail.model_validate(
            await _fetch(session, Comment.id == row.id)
        )
    )


@router.delete(
    "/{comment_id}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_comment(
    session: SessionDep,
    current_user: CurrentUser,
    slug: SafeStr,
    comment_id: Int32,
) -> None:
    """Deletes a Comment by id; 404 when there is none. Under the Article the
    path names: 404 when there is none. Only the owner of the Article may
    (403 for anyone else).
    """
    row = await _fetch(
        session,
        Comment.article_id
        == await _parent_id(session, slug, current_user, owner=current_user),
        Comment.id == comment_id,
    )
    await session.delete(row)
    await commit_or_409(session)
