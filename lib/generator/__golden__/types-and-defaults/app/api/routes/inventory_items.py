import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep, commit_or_409
from app.enums import ItemKind
from app.models.inventory_item import InventoryItem
from app.schemas.common import Int64
from app.schemas.errors import error_responses
from app.schemas.inventory_item import (
    InventoryItemCreate,
    InventoryItemRead,
    InventoryItemUpdate,
)
from app.schemas.responses import InventoryItemList

router = APIRouter(prefix="/inventory-items", tags=["inventory-items"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> InventoryItem:
    """One InventoryItem (relations to embed loaded eagerly), or 404."""
    statement = (
        select(InventoryItem).where(*where).execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="InventoryItem not found")
    return row


@router.get("")
async def list_inventory_items(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["price", "-price", "last_seen", "-last_seen", "kind", "-kind"] | None,
        Query(),
    ] = None,
    kind: Annotated[ItemKind | None, Query()] = None,
    active: Annotated[bool | None, Query()] = None,
    since: Annotated[dt.date | None, Query()] = None,
) -> InventoryItemList:
    """A page (limit, offset) of the InventoryItem rows. Filters: kind, active
    and since. Sort by price, last_seen and kind (`-` for descending).
    """
    statement = select(InventoryItem)
    if kind is not None:
        statement = statement.where(InventoryItem.kind == kind)
    if active is not None:
        statement = statement.where(InventoryItem.active == active)
    if since is not None:
        statement = statement.where(InventoryItem.since == since)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-price"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "price":
        column = InventoryItem.price
    elif key == "last_seen":
        column = InventoryItem.last_seen
    elif key == "kind":
        column = case(
            {
                ItemKind.RAW: 0,
                ItemKind.IN_PROGRESS: 1,
                ItemKind.DONE: 2,
                ItemKind.V_2ND_GRADE: 3,
            },
            value=InventoryItem.kind,
        )
    else:
        column = InventoryItem.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key == "last_seen":
        direction = direction.nulls_last()
    statement = statement.order_by(direction, InventoryItem.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [InventoryItemRead.model_validate(row) for row in rows]
    return InventoryItemList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{inventory_item_id}", responses=error_responses(404))
async def get_inventory_item(
    session: SessionDep,
    inventory_item_id: uuid.UUID,
) -> InventoryItemRead:
    """One InventoryItem by id; 404 when there is none."""
    row = await _fetch(session, InventoryItem.id == inventory_item_id)
    return InventoryItemRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_inventory_item(
    session: SessionDep,
    body: InventoryItemCreate,
) -> InventoryItemRead:
    """Creates an InventoryItem."""
    data = body.model_dump(exclude_unset=True)
    row = InventoryItem(**data)
    session.add(row)
    await commit_or_409(session)
    return InventoryItemRead.model_validate(
        await _fetch(session, InventoryItem.id == row.id)
    )


@router.patch("/{inventory_item_id}", responses=error_responses(404, 409))
async def update_inventory_item(
    session: SessionDep,
    inventory_item_id: uuid.UUID,
    body: InventoryItemUpdate,
) -> InventoryItemRead:
    """Changes the fields sent of an InventoryItem by id; 404 when there is
    none.
    """
    row = await _fetch(session, InventoryItem.id == inventory_item_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return InventoryItemRead.model_validate(
        await _fetch(session, InventoryItem.id == row.id)
    )


@router.delete(
    "/{inventory_item_id}", status_code=204, responses=error_responses(404, 409)
)
async def delete_inventory_item(
    session: SessionDep,
    inventory_item_id: uuid.UUID,
) -> None:
    """Deletes an InventoryItem by id; 404 when there is none."""
    row = await _fetch(session, InventoryItem.id == inventory_item_id)
    await session.delete(row)
    await commit_or_409(session)
