from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.tally import Tally
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TallyList
from app.schemas.tally import TallyCreate, TallyRead, TallyUpdate

router = APIRouter(prefix="/tallies", tags=["tallies"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Tally:
    """One Tally (relations to embed loaded eagerly), or 404."""
    statement = select(Tally).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Tally not found")
    return row


@router.get("")
async def list_tallies(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> TallyList:
    """A page (limit, offset) of the Tally rows."""
    statement = select(Tally)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Tally.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [TallyRead.model_validate(row) for row in rows]
    return TallyList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{tally_id}", responses=error_responses(404))
async def get_tally(
    session: SessionDep,
    tally_id: Int32,
) -> TallyRead:
    """One Tally by id; 404 when there is none."""
    row = await _fetch(session, Tally.id == tally_id)
    return TallyRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_tally(
    session: SessionDep,
    body: TallyCreate,
) -> TallyRead:
    """Creates a Tally."""
    data = body.model_dump(exclude_unset=True)
    row = Tally(**data)
    session.add(row)
    await commit_or_409(session)
    return TallyRead.model_validate(await _fetch(session, Tally.id == row.id))


@router.patch("/{tally_id}", responses=error_responses(404, 409))
async def update_tally(
    session: SessionDep,
    tally_id: Int32,
    body: TallyUpdate,
) -> TallyRead:
    """Changes the fields sent of a Tally by id; 404 when there is none."""
    row = await _fetch(session, Tally.id == tally_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return TallyRead.model_validate(await _fetch(session, Tally.id == row.id))


@router.delete("/{tally_id}", status_code=204, responses=error_responses(404, 409))
async def delete_tally(
    session: SessionDep,
    tally_id: Int32,
) -> None:
    """Deletes a Tally by id; 404 when there is none."""
    row = await _fetch(session, Tally.id == tally_id)
    await session.delete(row)
    await commit_or_409(session)
