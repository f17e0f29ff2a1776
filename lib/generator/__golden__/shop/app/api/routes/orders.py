from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from app.api.deps import CurrentUser, SessionDep, commit_or_409, require_roles
from app.enums import OrderStatus
from app.models.order import Order
from app.models.user import User
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.order import OrderCreate, OrderUpdate
from app.schemas.responses import OrderDetail, OrderList

router = APIRouter(prefix="/orders", tags=["orders"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Order:
    """One Order (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Order)
        .where(*where)
        .options(selectinload(Order.lines))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return row


@router.get("", responses=error_responses(401))
async def list_orders(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["placed_at", "-placed_at"] | None, Query()] = None,
    status_filter: Annotated[OrderStatus | None, Query(alias="status")] = None,
) -> OrderList:
    """A page (limit, offset) of the Order rows the caller owns. Filters:
    status. Sort by placed_at (`-` for descending).
    """
    statement = select(Order)
    statement = statement.where(Order.customer_id == current_user.id)
    if status_filter is not None:
        statement = statement.where(Order.status == status_filter)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-placed_at"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "placed_at":
        column = Order.placed_at
    else:
        column = Order.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Order.id)
    statement = statement.limit(limit).offset(offset).options(selectinload(Order.lines))
    rows = (await session.execute(statement)).scalars().all()
    items = [OrderDetail.model_validate(row) for row in rows]
    return OrderList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{order_id}", responses=error_responses(401, 404))
async def get_order(
    session: SessionDep,
    current_user: CurrentUser,
    order_id: Int32,
) -> OrderDetail:
    """One Order of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, Order.id == order_id, Order.customer_id == current_user.id
    )
    return OrderDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_order(
    session: SessionDep,
    current_user: CurrentUser,
    body: OrderCreate,
) -> OrderDetail:
    """Creates an Order owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["customer_id"] = current_user.id
    row = Order(**data)
    session.add(row)
    await commit_or_409(session)
    return OrderDetail.model_validate(await _fetch(session, Order.id == row.id))


@router.patch("/{order_id}", responses=error_responses(401, 403, 404, 409))
async def update_order(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    order_id: Int32,
    body: OrderUpdate,
) -> OrderDetail:
    """Changes the fields sent of an Order by id; 404 when there is none."""
    row = await _fetch(session, Order.id == order_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return OrderDetail.model_validate(await _fetch(session, Order.id == row.id))


@router.delete(
    "/{order_id}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_order(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    order_id: Int32,
) -> None:
    """Deletes an Order by id; 404 when there is none."""
    row = await _fetch(session, Order.id == order_id)
    await session.delete(row)
    await commit_or_409(session)
