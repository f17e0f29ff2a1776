from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.category import Category
from app.schemas.category import (
    CategoryCreate,
    CategoryRead,
    CategoryReplace,
    CategoryUpdate,
)
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import CategoryList

router = APIRouter(prefix="/categories", tags=["categories"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Category:
    """One Category (relations to embed loaded eagerly), or 404."""
    statement = select(Category).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Category not found")
    return row


@router.get("")
async def list_categories(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CategoryList:
    """A page (limit, offset) of the Category rows."""
    statement = select(Category)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Category.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [CategoryRead.model_validate(row) for row in rows]
    return CategoryList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{category_id}", responses=error_responses(404))
async def get_category(
    session: SessionDep,
    category_id: Int32,
) -> CategoryRead:
    """One Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    return CategoryRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_category(
    session: SessionDep,
    body: CategoryCreate,
) -> CategoryRead:
    """Creates a Category."""
    data = body.model_dump(exclude_unset=True)
    row = Category(**data)
    session.add(row)
    await commit_or_409(session)
    return CategoryRead.model_validate(await _fetch(session, Category.id == row.id))


@router.patch("/{category_id}", responses=error_responses(404, 409))
async def update_category(
    session: SessionDep,
    category_id: Int32,
    body: CategoryUpdate,
) -> CategoryRead:
    """Changes the fields sent of a Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CategoryRead.model_validate(await _fetch(session, Category.id == row.id))


@router.put("/{category_id}", responses=error_responses(404, 409))
async def replace_category(
    session: SessionDep,
    category_id: Int32,
    body: CategoryReplace,
) -> CategoryRead:
    """Replaces a Category by id with the whole object sent; 404 when there is
    none.
    """
    row = await _fetch(session, Category.id == category_id)
    data = body.model_dump()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CategoryRead.model_validate(await _fetch(session, Category.id == row.id))


@router.delete("/{category_id}", status_code=204, responses=error_responses(404, 409))
async def delete_category(
    session: SessionDep,
    category_id: Int32,
) -> None:
    """Deletes a Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    await session.delete(row)
    await commit_or_409(session)
