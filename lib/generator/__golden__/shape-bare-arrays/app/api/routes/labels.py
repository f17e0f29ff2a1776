from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.label import Label
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.label import LabelCreate, LabelRead, LabelUpdate

router = APIRouter(prefix="/labels", tags=["labels"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Label:
    """One Label (relations to embed loaded eagerly), or 404."""
    statement = select(Label).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Label not found")
    return row


@router.get("")
async def list_labels(
    session: SessionDep,
    limit: Annotated[int, Query(alias="take", ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(alias="skip", ge=0)] = 0,
) -> list[LabelRead]:
    """A page (take, skip) of the Label rows."""
    statement = select(Label)
    statement = statement.order_by(Label.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [LabelRead.model_validate(row) for row in rows]
    return items


@router.get("/{label_id}", responses=error_responses(404))
async def get_label(
    session: SessionDep,
    label_id: Int32,
) -> LabelRead:
    """One Label by id; 404 when there is none."""
    row = await _fetch(session, Label.id == label_id)
    return LabelRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_label(
    session: SessionDep,
    body: LabelCreate,
) -> LabelRead:
    """Creates a Label."""
    data = body.model_dump(exclude_unset=True)
    row = Label(**data)
    session.add(row)
    await commit_or_409(session)
    return LabelRead.model_validate(await _fetch(session, Label.id == row.id))


@router.patch("/{label_id}", responses=error_responses(404, 409))
async def update_label(
    session: SessionDep,
    label_id: Int32,
    body: LabelUpdate,
) -> LabelRead:
    """Changes the fields sent of a Label by id; 404 when there is none."""
    row = await _fetch(session, Label.id == label_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return LabelRead.model_validate(await _fetch(session, Label.id == row.id))


@router.delete("/{label_id}", status_code=204, responses=error_responses(404, 409))
async def delete_label(
    session: SessionDep,
    label_id: Int32,
) -> None:
    """Deletes a Label by id; 404 when there is none."""
    row = await _fetch(session, Label.id == label_id)
    await session.delete(row)
    await commit_or_409(session)
