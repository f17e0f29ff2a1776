from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.models.company import Company
from app.schemas.common import Int32, Int64
from app.schemas.company import CompanyCreate, CompanyRead, CompanyUpdate
from app.schemas.errors import error_responses
from app.schemas.responses import CompanyList

router = APIRouter(prefix="/companies", tags=["companies"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Company:
    """One Company (relations to embed loaded eagerly), or 404."""
    statement = select(Company).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Company not found")
    return row


@router.get("")
async def list_companies(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CompanyList:
    """A page (limit, offset) of the Company rows."""
    statement = select(Company)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Company.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [CompanyRead.model_validate(row) for row in rows]
    return CompanyList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{company_id}", responses=error_responses(404))
async def get_company(
    session: SessionDep,
    company_id: Int32,
) -> CompanyRead:
    """One Company by id; 404 when there is none."""
    row = await _fetch(session, Company.id == company_id)
    return CompanyRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_company(
    session: SessionDep,
    current_user: CurrentUser,
    body: CompanyCreate,
) -> CompanyRead:
    """Creates a Company owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["owner_id"] = current_user.id
    row = Company(**data)
    session.add(row)
    await commit_or_409(session)
    return CompanyRead.model_validate(await _fetch(session, Company.id == row.id))


@router.patch("/{company_id}", responses=error_responses(401, 404, 409))
async def update_company(
    session: SessionDep,
    current_user: CurrentUser,
    company_id: Int32,
    body: CompanyUpdate,
) -> CompanyRead:
    """Changes the fields sent of a Company of the caller by id; 404 when there
    is none.
    """
    row = await _fetch(
        session, Company.id == company_id, Company.owner_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CompanyRead.model_validate(await _fetch(session, Company.id == row.id))


@router.delete(
    "/{company_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_company(
    session: SessionDep,
    current_user: CurrentUser,
    company_id: Int32,
) -> None:
    """Deletes a Company of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, Company.id == company_id, Company.owner_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
