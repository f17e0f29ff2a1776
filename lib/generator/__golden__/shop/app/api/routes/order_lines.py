from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.order import Order
from app.models.order_line import OrderLine
from app.models.product import Product
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.order_line import OrderLineCreate, OrderLineRead, OrderLineUpdate
from app.schemas.responses import OrderLineList

router = APIRouter(prefix="/order-lines", tags=["order-lines"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> OrderLine:
    """One OrderLine (relations to embed loaded eagerly), or 404."""
    statement = (
        select(OrderLine).where(*where).execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="OrderLine not found")
    return row


@router.get("", responses=error_responses(401))
async def list_order_lines(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    order_id: Annotated[Int32 | None, Query()] = None,
) -> OrderLineList:
    """A page (limit, offset) of the OrderLine rows. Filters: order_id."""
    statement = select(OrderLine)
    statement = statement.where(
        OrderLine.order.has(Order.customer_id == current_user.id)
    )
    if order_id is not None:
        statement = statement.where(OrderLine.order_id == order_id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(OrderLine.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [OrderLineRead.model_validate(row) for row in rows]
    return OrderLineList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{order_line_id}", responses=error_responses(401, 404))
async def get_order_line(
    session: SessionDep,
    current_user: CurrentUser,
    order_line_id: Int32,
) -> OrderLineRead:
    """One OrderLine by id; 404 when there is none."""
    row = await _fetch(
        session,
        OrderLine.id == order_line_id,
        OrderLine.order.has(Order.customer_id == current_user.id),
    )
    return OrderLineRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_order_line(
    session: SessionDep,
    current_user: CurrentUser,
    body: OrderLineCreate,
) -> OrderLineRead:
    """Creates an OrderLine."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "order_id",
        body.order_id,
        select(Order.id).where(
            Order.id == body.order_id, Order.customer_id == current_user.id
        ),
    )
    await require_reference(
        session,
        "product_id",
        body.product_id,
        select(Product.id).where(Product.id == body.product_id),
    )
    data["unit_price"] = (
        await session.execute(
            select(Product.price).where(Product.id == body.product_id)
        )
    ).scalar_one()
    row = OrderLine(**data)
    session.add(row)
    await commit_or_409(session)
    return OrderLineRead.model_validate(await _fetch(session, OrderLine.id == row.id))


@router.patch("/{order_line_id}", responses=error_responses(401, 404, 409))
async def update_order_line(
    session: SessionDep,
    current_user: CurrentUser,
    order_line_id: Int32,
    body: OrderLineUpdate,
) -> OrderLineRead:
    """Changes the fields sent of an OrderLine by id; 404 when there is none."""
    row = await _fetch(
        session,
        OrderLine.id == order_line_id,
        OrderLine.order.has(Order.customer_id == current_user.id),
    )
    data = body.model_dump(exclude_unset=True)
    if body.order_id is not None:
        await require_reference(
            session,
            "order_id",
            body.order_id,
            select(Order.id).where(
                Order.id == body.order_id, Order.customer_id == current_user.id
            ),
        )
    if body.product_id is not None:
        await require_reference(
            session,
            "product_id",
            body.product_id,
            select(Product.id).where(Product.id == body.product_id),
        )
    if body.product_id is not None:
        data["unit_price"] = (
            await session.execute(
                select(Product.price).where(Product.id == body.product_id)
            )
        ).scalar_one()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return OrderLineRead.model_validate(await _fetch(session, OrderLine.id == row.id))


@router.delete(
    "/{order_line_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_order_line(
    session: SessionDep,
    current_user: CurrentUser,
    order_line_id: Int32,
) -> None:
    """Deletes an OrderLine by id; 404 when there is none."""
    row = await _fetch(
        session,
        OrderLine.id == order_line_id,
        OrderLine.order.has(Order.customer_id == current_user.id),
    )
    await session.delete(row)
    await commit_or_409(session)
