from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.like import Like
from app.models.post import Post
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.like import LikeCreate, LikeRead, LikeUpdate
from app.schemas.responses import LikeList

router = APIRouter(prefix="/likes", tags=["likes"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Like:
    """One Like (relations to embed loaded eagerly), or 404."""
    statement = select(Like).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Like not found")
    return row


@router.get("", responses=error_responses(401))
async def list_likes(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> LikeList:
    """A page (limit, offset) of the Like rows the caller owns."""
    statement = select(Like)
    statement = statement.where(Like.user_id == current_user.id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Like.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [LikeRead.model_validate(row) for row in rows]
    return LikeList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{like_id}", responses=error_responses(401, 404))
async def get_like(
    session: SessionDep,
    current_user: CurrentUser,
    like_id: Int32,
) -> LikeRead:
    """One Like of the caller by id; 404 when there is none."""
    row = await _fetch(session, Like.id == like_id, Like.user_id == current_user.id)
    return LikeRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_like(
    session: SessionDep,
    current_user: CurrentUser,
    body: LikeCreate,
) -> LikeRead:
    """Creates a Like owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["user_id"] = current_user.id
    await require_reference(
        session, "post_id", body.post_id, select(Post.id).where(Post.id == body.post_id)
    )
    row = Like(**data)
    session.add(row)
    await commit_or_409(session)
    return LikeRead.model_validate(await _fetch(session, Like.id == row.id))


@router.patch("/{like_id}", responses=error_responses(401, 404, 409))
async def update_like(
    session: SessionDep,
    current_user: CurrentUser,
    like_id: Int32,
    body: LikeUpdate,
) -> LikeRead:
    """Changes the fields sent of a Like of the caller by id; 404 when there is
    none.
    """
    row = await _fetch(session, Like.id == like_id, Like.user_id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    if body.post_id is not None:
        await require_reference(
            session,
            "post_id",
            body.post_id,
            select(Post.id).where(Post.id == body.post_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return LikeRead.model_validate(await _fetch(session, Like.id == row.id))


@router.delete("/{like_id}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_like(
    session: SessionDep,
    current_user: CurrentUser,
    like_id: Int32,
) -> None:
    """Deletes a Like of the caller by id; 404 when there is none."""
    row = await _fetch(session, Like.id == like_id, Like.user_id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)
