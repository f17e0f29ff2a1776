from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.api.deps import SessionDep, commit_or_409
from app.api.value_lists import get_or_create
from app.models.person import Person
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.person import PersonCreate, PersonReplace, PersonUpdate
from app.schemas.responses import PersonDetail, PersonList

router = APIRouter(prefix="/people", tags=["people"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Person:
    """One Person (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Person)
        .where(*where)
        .options(selectinload(Person.follows), selectinload(Person.followers))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Person not found")
    return row


@router.get("")
async def list_people(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> PersonList:
    """A page (limit, offset) of the Person rows."""
    statement = select(Person)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Person.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(selectinload(Person.follows), selectinload(Person.followers))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PersonDetail.model_validate(row) for row in rows]
    return PersonList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{person_id}", responses=error_responses(404))
async def get_person(
    session: SessionDep,
    person_id: Int32,
) -> PersonDetail:
    """One Person by id; 404 when there is none."""
    row = await _fetch(session, Person.id == person_id)
    return PersonDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_person(
    session: SessionDep,
    body: PersonCreate,
) -> PersonDetail:
    """Creates a Person."""
    data = body.model_dump(exclude_unset=True)
    data.pop("follows", None)
    row = Person(**data)
    row.follows = await get_or_create(session, Person, Person.handle, body.follows)
    session.add(row)
    await commit_or_409(session)
    return PersonDetail.model_validate(await _fetch(session, Person.id == row.id))


@router.patch("/{person_id}", responses=error_responses(404, 409))
async def update_person(
    session: SessionDep,
    person_id: Int32,
    body: PersonUpdate,
) -> PersonDetail:
    """Changes the fields sent of a Person by id; 404 when there is none."""
    row = await _fetch(session, Person.id == person_id)
    data = body.model_dump(exclude_unset=True)
    data.pop("follows", None)
    if body.follows is not None:
        row.follows = await get_or_create(session, Person, Person.handle, body.follows)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PersonDetail.model_validate(await _fetch(session, Person.id == row.id))


@router.put("/{person_id}", responses=error_responses(404, 409))
async def replace_person(
    session: SessionDep,
    person_id: Int32,
    body: PersonReplace,
) -> PersonDetail:
    """Replaces a Person by id with the whole object sent; 404 when there is
    none.
    """
    row = await _fetch(session, Person.id == person_id)
    data = body.model_dump()
    data.pop("follows", None)
    if body.follows is not None:
        row.follows = await get_or_create(session, Person, Person.handle, body.follows)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PersonDetail.model_validate(await _fetch(session, Person.id == row.id))


@router.delete("/{person_id}", status_code=204, responses=error_responses(404, 409))
async def delete_person(
    session: SessionDep,
    person_id: Int32,
) -> None:
    """Deletes a Person by id; 404 when there is none."""
    row = await _fetch(session, Person.id == person_id)
    await session.delete(row)
    await commit_or_409(session)
