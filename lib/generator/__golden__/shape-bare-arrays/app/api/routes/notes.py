from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep, commit_or_409
from app.models.note import Note
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.note import NoteCreate, NoteRead, NoteReplace

router = APIRouter(prefix="/notes", tags=["notes"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Note:
    """One Note (relations to embed loaded eagerly), or 404."""
    statement = select(Note).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return row


@router.get("")
async def list_notes(
    session: SessionDep,
    limit: Annotated[int, Query(alias="take", ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(alias="skip", ge=0)] = 0,
    sort: Annotated[Literal["rank", "-rank"] | None, Query()] = None,
    is_pinned: Annotated[bool | None, Query()] = None,
) -> list[NoteRead]:
    """A page (take, skip) of the Note rows. Filters: is_pinned. Sort by rank
    (`-` for descending).
    """
    statement = select(Note)
    if is_pinned is not None:
        statement = statement.where(Note.pinned == is_pinned)
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "rank":
        column = Note.rank
    else:
        column = Note.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key == "rank":
        direction = direction.nulls_last()
    statement = statement.order_by(direction, Note.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [NoteRead.model_validate(row) for row in rows]
    return items


@router.get("/{note_id}", responses=error_responses(404))
async def get_note(
    session: SessionDep,
    note_id: Int32,
) -> NoteRead:
    """One Note by id; 404 when there is none."""
    row = await _fetch(session, Note.id == note_id)
    return NoteRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_note(
    session: SessionDep,
    body: NoteCreate,
) -> NoteRead:
    """Creates a Note."""
    data = body.model_dump(exclude_unset=True)
    row = Note(**data)
    session.add(row)
    await commit_or_409(session)
    return NoteRead.model_validate(await _fetch(session, Note.id == row.id))


@router.put("/{note_id}", responses=error_responses(404, 409))
async def update_note(
    session: SessionDep,
    note_id: Int32,
    body: NoteReplace,
) -> NoteRead:
    """Replaces a Note by id with the whole object sent; 404 when there is
    none.
    """
    row = await _fetch(session, Note.id == note_id)
    data = body.model_dump()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return NoteRead.model_validate(await _fetch(session, Note.id == row.id))


@router.delete("/{note_id}", status_code=204, responses=error_responses(404, 409))
async def delete_note(
    session: SessionDep,
    note_id: Int32,
) -> None:
    """Deletes a Note by id; 404 when there is none."""
    row = await _fetch(session, Note.id == note_id)
    await session.delete(row)
    await commit_or_409(session)
