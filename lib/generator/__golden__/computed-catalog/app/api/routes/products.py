from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.category import Category
from app.models.product import Product
from app.schemas.common import Int32, Int64
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
) -> ProductList:
    """A page (limit, offset) of the Product rows."""
    statement = select(Product)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Product.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [ProductRead.model_validate(row) for row in rows]
    return ProductList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{product_id}", responses=error_responses(404))
async def get_product(
    session: SessionDep,
    product_id: Int32,
) -> ProductRead:
    """One Product by id; 404 when there is none."""
    row = await _fetch(session, Product.id == product_id)
    return ProductRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_product(
    session: SessionDep,
    body: ProductCreate,
) -> ProductRead:
    """Creates a Product."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "category_id",
        body.category_id,
        select(Category.id).where(Category.id == body.category_id),
    )
    row = Product(**data)
    session.add(row)
    await commit_or_409(session)
    return ProductRead.model_validate(await _fetch(session, Product.id == row.id))


@router.patch("/{product_id}", responses=error_responses(404, 409))
async def update_product(
    session: SessionDep,
    product_id: Int32,
    body: ProductUpdate,
) -> ProductRead:
    """Changes the fields sent of a Product by id; 404 when there is none."""
    row = await _fetch(session, Product.id == product_id)
    data = body.model_dump(exclude_unset=True)
    if body.category_id is not None:
        await require_reference(
            session,
            "category_id",
            body.category_id,
            select(Category.id).where(Category.id == body.category_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return ProductRead.model_validate(await _fetch(session, Product.id == row.id))


@router.delete("/{product_id}", status_code=204, responses=error_responses(404, 409))
async def delete_product(
    session: SessionDep,
    product_id: Int32,
) -> None:
    """Deletes a Product by id; 404 when there is none."""
    row = await _fetch(session, Product.id == product_id)
    await session.delete(row)
    await commit_or_409(session)
