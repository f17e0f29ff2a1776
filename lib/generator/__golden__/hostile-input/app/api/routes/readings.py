import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import FiniteFloat
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import refuse_cycle, require_reference
from app.models.member import Member
from app.models.reading import Reading
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.reading import ReadingCreate, ReadingUpdate
from app.schemas.responses import ReadingDetail, ReadingList

router = APIRouter(prefix="/readings", tags=["readings"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Reading:
    """One Reading (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Reading)
        .where(*where)
        .options(selectinload(Reading.author))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Reading not found")
    return row


@router.get("")
async def list_readings(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["level", "-level", "taken_at", "-taken_at"] | None, Query()
    ] = None,
    level: Annotated[Int32 | None, Query()] = None,
    counter: Annotated[Int64 | None, Query()] = None,
    value: Annotated[FiniteFloat | None, Query()] = None,
    label: Annotated[SafeStr | None, Query()] = None,
    taken_at: Annotated[dt.datetime | None, Query()] = None,
    author_handle: Annotated[SafeStr | None, Query()] = None,
) -> ReadingList:
    """A page (limit, offset) of the Reading rows. Filters: level, counter,
    value, label, taken_at and author_handle. Sort by level and taken_at
    (`-` for descending).
    """
    statement = select(Reading)
    if level is not None:
        statement = statement.where(Reading.level == level)
    if counter is not None:
        statement = statement.where(Reading.counter == counter)
    if value is not None:
        statement = statement.where(Reading.value == value)
    if label is not None:
        statement = statement.where(Reading.label == label)
    if taken_at is not None:
        statement = statement.where(Reading.taken_at == taken_at)
    if author_handle is not None:
        statement = statement.where(Reading.author.has(Member.handle == author_handle))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "level":
        column = Reading.level
    elif key == "taken_at":
        column = Reading.taken_at
    else:
        column = Reading.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Reading.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Reading.author))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [ReadingDetail.model_validate(row) for row in rows]
    return ReadingList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{reading_id}", responses=error_responses(404))
async def get_reading(
    session: SessionDep,
    reading_id: Int32,
) -> ReadingDetail:
    """One Reading by id; 404 when there is none."""
    row = await _fetch(session, Reading.id == reading_id)
    return ReadingDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_reading(
    session: SessionDep,
    current_user: CurrentUser,
    body: ReadingCreate,
) -> ReadingDetail:
    """Creates a Reading owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    if body.previous_id is not None:
        await require_reference(
            session,
            "previous_id",
            body.previous_id,
            select(Reading.id).where(Reading.id == body.previous_id),
        )
    row = Reading(**data)
    session.add(row)
    await commit_or_409(session)
    return ReadingDetail.model_validate(await _fetch(session, Reading.id == row.id))


@router.patch("/{reading_id}", responses=error_responses(401, 404, 409))
async def update_reading(
    session: SessionDep,
    current_user: CurrentUser,
    reading_id: Int32,
    body: ReadingUpdate,
) -> ReadingDetail:
    """Changes the fields sent of a Reading of the caller by id; 404 when there
    is none.
    """
    row = await _fetch(
        session, Reading.id == reading_id, Reading.author_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    if body.previous_id is not None:
        await require_reference(
            session,
            "previous_id",
            body.previous_id,
            select(Reading.id).where(Reading.id == body.previous_id),
        )
    if body.previous_id is not None:
        await refuse_cycle(
            session,
            "previous_id",
            body.previous_id,
            row.id,
            Reading.id,
            Reading.previous_id,
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ReadingDetail.model_validate(await _fetch(session, Reading.id == row.id))


@router.delete(
    "/{reading_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_reading(
    session: SessionDep,
    current_user: CurrentUser,
    reading_id: Int32,
) -> None:
    """Deletes a Reading of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, Reading.id == reading_id, Reading.author_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
