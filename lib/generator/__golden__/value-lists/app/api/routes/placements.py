from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.category import Category
from app.models.placement import Placement
from app.models.post import Post
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.placement import (
    PlacementCreate,
    PlacementRead,
    PlacementReplace,
    PlacementUpdate,
)
from app.schemas.responses import PlacementList

router = APIRouter(prefix="/placements", tags=["placements"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Placement:
    """One Placement (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Placement).where(*where).execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Placement not found")
    return row


@router.get("")
async def list_placements(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> PlacementList:
    """A page (limit, offset) of the Placement rows."""
    statement = select(Placement)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Placement.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [PlacementRead.model_validate(row) for row in rows]
    return PlacementList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{placement_id}", responses=error_responses(404))
async def get_placement(
    session: SessionDep,
    placement_id: Int32,
) -> PlacementRead:
    """One Placement by id; 404 when there is none."""
    row = await _fetch(session, Placement.id == placement_id)
    return PlacementRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_placement(
    session: SessionDep,
    body: PlacementCreate,
) -> PlacementRead:
    """Creates a Placement."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session, "post_id", body.post_id, select(Post.id).where(Post.id == body.post_id)
    )
    await require_reference(
        session,
        "category_id",
        body.category_id,
        select(Category.id).where(Category.id == body.category_id),
    )
    row = Placement(**data)
    session.add(row)
    await commit_or_409(session)
    return PlacementRead.model_validate(await _fetch(session, Placement.id == row.id))


@router.patch("/{placement_id}", responses=error_responses(404, 409))
async def update_placement(
    session: SessionDep,
    placement_id: Int32,
    body: PlacementUpdate,
) -> PlacementRead:
    """Changes the fields sent of a Placement by id; 404 when there is none."""
    row = await _fetch(session, Placement.id == placement_id)
    data = body.model_dump(exclude_unset=True)
    if body.post_id is not None:
        await require_reference(
            session,
            "post_id",
            body.post_id,
            select(Post.id).where(Post.id == body.post_id),
        )
    if body.category_id is not None:
        await require_reference(
            session,
            "category_id",
            body.category_id,
            select(Category.id).where(Category.id == body.category_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PlacementRead.model_validate(await _fetch(session, Placement.id == row.id))


@router.put("/{placement_id}", responses=error_responses(404, 409))
async def replace_placement(
    session: SessionDep,
    placement_id: Int32,
    body: PlacementReplace,
) -> PlacementRead:
    """Replaces a Placement by id with the whole object sent; 404 when there is
    none.
    """
    row = await _fetch(session, Placement.id == placement_id)
    data = body.model_dump()
    if body.post_id is not None:
        await require_reference(
            session,
            "post_id",
            body.post_id,
            select(Post.id).where(Post.id == body.post_id),
        )
    if body.category_id is not None:
        await require_reference(
            session,
            "category_id",
            body.category_id,
            select(Category.id).where(Category.id == body.category_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PlacementRead.model_validate(await _fetch(session, Placement.id == row.id))


@router.delete("/{placement_id}", status_code=204, responses=error_responses(404, 409))
async def delete_placement(
    session: SessionDep,
    placement_id: Int32,
) -> None:
    """Deletes a Placement by id; 404 when there is none."""
    row = await _fetch(session, Placement.id == placement_id)
    await session.delete(row)
    await commit_or_409(session)
