from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.company import Company
from app.models.page import Page
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.page import PageCreate, PageRead, PageUpdate
from app.schemas.responses import PageList

router = APIRouter(prefix="/pages", tags=["pages"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Page:
    """One Page (relations to embed loaded eagerly), or 404."""
    statement = select(Page).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Page not found")
    return row


@router.get("")
async def list_pages(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> PageList:
    """A page (limit, offset) of the Page rows."""
    statement = select(Page)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Page.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [PageRead.model_validate(row) for row in rows]
    return PageList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{name}", responses=error_responses(404))
async def get_page(
    session: SessionDep,
    name: SafeStr,
) -> PageRead:
    """One Page by name; 404 when there is none."""
    row = await _fetch(session, Page.company.has(Company.name == name))
    return PageRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_page(
    session: SessionDep,
    current_user: CurrentUser,
    body: PageCreate,
) -> PageRead:
    """Creates a Page."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "company_id",
        body.company_id,
        select(Company.id).where(Company.id == body.company_id),
    )
    row = Page(**data)
    session.add(row)
    await commit_or_409(session)
    return PageRead.model_validate(await _fetch(session, Page.id == row.id))


@router.patch("/{name}", responses=error_responses(401, 404, 409))
async def update_page(
    session: SessionDep,
    current_user: CurrentUser,
    name: SafeStr,
    body: PageUpdate,
) -> PageRead:
    """Changes the fields sent of a Page by name; 404 when there is none."""
    row = await _fetch(
        session,
        Page.company.has(Company.name == name),
        Page.company.has(Company.owner_id == current_user.id),
    )
    data = body.model_dump(exclude_unset=True)
    if body.company_id is not None:
        await require_reference(
            session,
            "company_id",
            body.company_id,
            select(Company.id).where(Company.id == body.company_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PageRead.model_validate(await _fetch(session, Page.id == row.id))


@router.delete("/{name}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_page(
    session: SessionDep,
    current_user: CurrentUser,
    name: SafeStr,
) -> None:
    """Deletes a Page by name; 404 when there is none."""
    row = await _fetch(
        session,
        Page.company.has(Company.name == name),
        Page.company.has(Company.owner_id == current_user.id),
    )
    await session.delete(row)
    await commit_or_409(session)
