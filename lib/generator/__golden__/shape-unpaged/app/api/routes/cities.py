from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep, commit_or_409
from app.core.db import Bytewise
from app.models.city import City
from app.schemas.city import CityCreate, CityRead, CityUpdate
from app.schemas.common import Int32
from app.schemas.errors import error_responses
from app.schemas.responses import CityList, CityReadEnvelope

router = APIRouter(prefix="/cities", tags=["cities"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> City:
    """One City (relations to embed loaded eagerly), or 404."""
    statement = select(City).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="City not found")
    return row


@router.get("")
async def list_cities(
    session: SessionDep,
    sort: Annotated[Literal["name", "-name"] | None, Query()] = None,
) -> CityList:
    """Every one of the City rows. Sort by name (`-` for descending)."""
    statement = select(City)
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "name":
        column = Bytewise(City.name)
    else:
        column = City.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, City.id)
    statement = statement
    rows = (await session.execute(statement)).scalars().all()
    items = [CityRead.model_validate(row) for row in rows]
    return CityList(items=items)


@router.get("/{city_id}", responses=error_responses(404))
async def get_city(
    session: SessionDep,
    city_id: Int32,
) -> CityReadEnvelope:
    """One City by id; 404 when there is none."""
    row = await _fetch(session, City.id == city_id)
    return CityReadEnvelope(data=CityRead.model_validate(row))


@router.post("", status_code=201, responses=error_responses(409))
async def create_city(
    session: SessionDep,
    body: CityCreate,
) -> CityReadEnvelope:
    """Creates a City."""
    data = body.model_dump(exclude_unset=True)
    row = City(**data)
    session.add(row)
    await commit_or_409(session)
    return CityReadEnvelope(
        data=CityRead.model_validate(await _fetch(session, City.id == row.id))
    )


@router.patch("/{city_id}", responses=error_responses(404, 409))
async def update_city(
    session: SessionDep,
    city_id: Int32,
    body: CityUpdate,
) -> CityReadEnvelope:
    """Changes the fields sent of a City by id; 404 when there is none."""
    row = await _fetch(session, City.id == city_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CityReadEnvelope(
        data=CityRead.model_validate(await _fetch(session, City.id == row.id))
    )


@router.delete("/{city_id}", status_code=204, responses=error_responses(404, 409))
async def delete_city(
    session: SessionDep,
    city_id: Int32,
) -> None:
    """Deletes a City by id; 404 when there is none."""
    row = await _fetch(session, City.id == city_id)
    await session.delete(row)
    await commit_or_409(session)
