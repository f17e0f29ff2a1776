from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep, commit_or_409, require_roles
from app.core.db import Bytewise
from app.models.product import Product
from app.models.user import User
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.product import ProductCreate, ProductRead, ProductUpdate
from app.schemas.responses import ProductList

router = APIRouter(prefix="/products", tags=["products"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Product:
    """One Product (relations to embed loaded eagerly), or 404."""
    statement = select(Product).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Product not found")
    return row


@router.get("")
async def list_products(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[Literal["price", "-price", "name", "-name"] | None, Query()] = None,
    active: Annotated[bool | None, Query()] = None,
    name: Annotated[SafeStr | None, Query()] = None,
) -> ProductList:
    """A page (limit, offset) of the Product rows. Filters: active and name.
    Sort by price and name (`-` for descending).
    """
    statement = select(Product)
    if active is not None:
        statement = statement.where(Product.active == active)
    if name is not None:
        statement = statement.where(Product.name == name)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "name"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "price":
        column = Product.price
    elif key == "name":
        column = Bytewise(Product.name)
    else:
        column = Product.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Product.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ProductRead.model_validate(row) for row in rows]
    return ProductList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{slug}", responses=error_responses(404))
async def get_product(
    session: SessionDep,
    slug: SafeStr,
) -> ProductRead:
    """One Product by slug; 404 when there is none."""
    row = await _fetch(session, Product.slug == slug)
    return ProductRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 403, 409))
async def create_product(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    body: ProductCreate,
) -> ProductRead:
    """Creates a Product."""
    data = body.model_dump(exclude_unset=True)
    row = Product(**data)
    session.add(row)
    await commit_or_409(session)
    return ProductRead.model_validate(await _fetch(session, Product.id == row.id))


@router.patch("/{slug}", responses=error_responses(401, 403, 404, 409))
async def update_product(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    slug: SafeStr,
    body: ProductUpdate,
) -> ProductRead:
    """Changes the fields sent of a Product by slug; 404 when there is none."""
    row = await _fetch(session, Product.slug == slug)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ProductRead.model_validate(await _fetch(session, Product.id == row.id))


@router.delete(
    "/{slug}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_product(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    slug: SafeStr,
) -> None:
    """Deletes a Product by slug; 404 when there is none."""
    row = await _fetch(session, Product.slug == slug)
    await session.delete(row)
    await commit_or_409(session)
