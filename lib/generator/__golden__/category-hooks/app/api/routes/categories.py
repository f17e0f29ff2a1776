from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased, selectinload

from app.api.deps import SessionDep, commit_or_409
from app.api.scoping import refuse_cycle, require_reference
from app.core.db import Bytewise
from app.hooks import category as category_hooks
from app.models.category import Category
from app.schemas.category import CategoryCreate, CategoryUpdate
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import CategoryDetail, CategoryList

router = APIRouter(prefix="/categories", tags=["categories"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Category:
    """One Category (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Category)
        .where(*where)
        .options(selectinload(Category.parent))
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Category not found")
    return row


@router.get("")
async def list_categories(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["name", "-name", "parent_name", "-parent_name"] | None, Query()
    ] = None,
    parent_name: Annotated[SafeStr | None, Query()] = None,
    parent_id: Annotated[Int32 | None, Query()] = None,
) -> CategoryList:
    """A page (limit, offset) of the Category rows. Filters: parent_name and
    parent_id. Sort by name and parent_name (`-` for descending).
    """
    statement = select(Category)
    if parent_name is not None:
        statement = statement.where(Category.parent.has(Category.name == parent_name))
    if parent_id is not None:
        statement = statement.where(Category.parent_id == parent_id)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "name":
        column = Bytewise(Category.name)
    elif key == "parent_name":
        related = aliased(Category)
        statement = statement.outerjoin(related, Category.parent)
        column = Bytewise(related.name)
    else:
        column = Category.id
    direction = column.desc() if order.startswith("-") else column.asc()
    # Empty values last in both directions, on SQLite and PostgreSQL alike.
    if key == "parent_name":
        direction = direction.nulls_last()
    statement = statement.order_by(direction, Category.id)
    statement = (
        statement.limit(limit).offset(offset).options(selectinload(Category.parent))
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [CategoryDetail.model_validate(row) for row in rows]
    return CategoryList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{category_id}", responses=error_responses(404))
async def get_category(
    session: SessionDep,
    category_id: Int32,
) -> CategoryDetail:
    """One Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    return CategoryDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_category(
    session: SessionDep,
    body: CategoryCreate,
) -> CategoryDetail:
    """Creates a Category."""
    data = body.model_dump(exclude_unset=True)
    if body.parent_id is not None:
        await require_reference(
            session,
            "parent_id",
            body.parent_id,
            select(Category.id).where(Category.id == body.parent_id),
        )
    row = Category(**data)
    await category_hooks.before_create(session=session, row=row)
    session.add(row)
    await commit_or_409(session)
    await category_hooks.after_create(session=session, row=row)
    return CategoryDetail.model_validate(await _fetch(session, Category.id == row.id))


@router.patch("/{category_id}", responses=error_responses(404, 409))
async def update_category(
    session: SessionDep,
    category_id: Int32,
    body: CategoryUpdate,
) -> CategoryDetail:
    """Changes the fields sent of a Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    data = body.model_dump(exclude_unset=True)
    if body.parent_id is not None:
        await require_reference(
            session,
            "parent_id",
            body.parent_id,
            select(Category.id).where(Category.id == body.parent_id),
        )
    if body.parent_id is not None:
        await refuse_cycle(
            session,
            "parent_id",
            body.parent_id,
            row.id,
            Category.id,
            Category.parent_id,
        )
    for key, value in data.items():
        setattr(row, key, value)
    await category_hooks.before_update(session=session, row=row)
    await commit_or_409(session)
    await category_hooks.after_update(session=session, row=row)
    return CategoryDetail.model_validate(await _fetch(session, Category.id == row.id))


@router.delete("/{category_id}", status_code=204, responses=error_responses(404, 409))
async def delete_category(
    session: SessionDep,
    category_id: Int32,
) -> None:
    """Deletes a Category by id; 404 when there is none."""
    row = await _fetch(session, Category.id == category_id)
    await category_hooks.before_delete(session=session, row=row)
    await session.delete(row)
    await commit_or_409(session)
    await category_hooks.after_delete(session=session, row=row)
