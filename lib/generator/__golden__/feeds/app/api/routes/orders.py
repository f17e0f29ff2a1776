from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.order import Order
from app.models.user import User
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.order import OrderCreate, OrderRead, OrderUpdate
from app.schemas.responses import OrderList

router = APIRouter(prefix="/orders", tags=["orders"])


me_router = APIRouter(tags=["orders"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Order:
    """One Order (relations to embed loaded eagerly), or 404."""
    statement = select(Order).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return row


@router.get("/deliveries", responses=error_responses(401))
async def list_orders_deliveries(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> OrderList:
    """A page (limit, offset) of the Order rows that reach the caller through
    `courier`. Signed-in callers only (401 without a valid token).
    """
    statement = select(Order)
    statement = statement.where(Order.courier_id == current_user.id)
    statement = statement.where(Order.owner_id == current_user.id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Order.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [OrderRead.model_validate(row) for row in rows]
    return OrderList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{order_id}", responses=error_responses(401, 404))
async def get_order(
    session: SessionDep,
    current_user: CurrentUser,
    order_id: Int32,
) -> OrderRead:
    """One Order of the caller by id; 404 when there is none."""
    row = await _fetch(session, Order.id == order_id, Order.owner_id == current_user.id)
    return OrderRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_order(
    session: SessionDep,
    current_user: CurrentUser,
    body: OrderCreate,
) -> OrderRead:
    """Creates an Order owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["owner_id"] = current_user.id
    if body.courier_id is not None:
        await require_reference(
            session,
            "courier_id",
            body.courier_id,
            select(User.id).where(User.id == body.courier_id),
        )
    row = Order(**data)
    session.add(row)
    await commit_or_409(session)
    return OrderRead.model_validate(await _fetch(session, Order.id == row.id))


@router.patch("/{order_id}", responses=error_responses(401, 404, 409))
async def update_order(
    session: SessionDep,
    current_user: CurrentUser,
    order_id: Int32,
    body: OrderUpdate,
) -> OrderRead:
    """Changes the fields sent of an Order of the caller by id; 404 when there
    is none.
    """
    row = await _fetch(session, Order.id == order_id, Order.owner_id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    if body.courier_id is not None:
        await require_reference(
            session,
            "courier_id",
            body.courier_id,
            select(User.id).where(User.id == body.courier_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return OrderRead.model_validate(await _fetch(session, Order.id == row.id))


@router.delete("/{order_id}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_order(
    session: SessionDep,
    current_user: CurrentUser,
    order_id: Int32,
) -> None:
    """Deletes an Order of the caller by id; 404 when there is none."""
    row = await _fetch(session, Order.id == order_id, Order.owner_id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)


@me_router.get("/auth/me/orders", responses=error_responses(401))
async def list_my_orders(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> OrderList:
    """A page (limit, offset) of the Order rows that reach the caller through
    `owner`. Signed-in callers only (401 without a valid token).
    """
    statement = select(Order)
    statement = statement.where(Order.owner_id == current_user.id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Order.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [OrderRead.model_validate(row) for row in rows]
    return OrderList(items=items, total=total, limit=limit, offset=offset)
