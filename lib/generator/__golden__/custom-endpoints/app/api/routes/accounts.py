from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import invalid
from app.core.security import hash_password_async, verify_password_async
from app.models.account import Account
from app.schemas.account import AccountCreate, AccountPublic, AccountRead, AccountUpdate
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import AccountList

router = APIRouter(prefix="/accounts", tags=["accounts"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Account:
    """One Account (relations to embed loaded eagerly), or 404."""
    statement = select(Account).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Account not found")
    return row


@router.get("")
async def list_accounts(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> AccountList:
    """A page (limit, offset) of the Account rows."""
    statement = select(Account)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Account.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [AccountPublic.model_validate(row) for row in rows]
    return AccountList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{account_id}", responses=error_responses(404))
async def get_account(
    session: SessionDep,
    account_id: Int32,
) -> AccountPublic:
    """One Account by id; 404 when there is none."""
    row = await _fetch(session, Account.id == account_id)
    return AccountPublic.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_account(
    session: SessionDep,
    body: AccountCreate,
) -> AccountRead:
    """Creates an Account."""
    data = body.model_dump(exclude_unset=True)
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    row = Account(**data)
    session.add(row)
    await commit_or_409(session)
    return AccountRead.model_validate(await _fetch(session, Account.id == row.id))


@router.patch("/{account_id}", responses=error_responses(401, 403, 404, 409))
async def update_account(
    session: SessionDep,
    current_user: CurrentUser,
    account_id: Int32,
    body: AccountUpdate,
) -> AccountRead:
    """Changes the fields sent of an Account by id; 404 when there is none."""
    row = await _fetch(session, Account.id == account_id, Account.id == current_user.id)
    data = body.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if body.password is not None:
        if body.current_password is None:
            raise invalid("current_password", "Required to change the password", None)
        if not await verify_password_async(body.current_password, row.password):
            raise HTTPException(status_code=403, detail="The current password is wrong")
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return AccountRead.model_validate(await _fetch(session, Account.id == row.id))


@router.delete(
    "/{account_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_account(
    session: SessionDep,
    current_user: CurrentUser,
    account_id: Int32,
) -> None:
    """Deletes an Account by id; 404 when there is none."""
    row = await _fetch(session, Account.id == account_id, Account.id == current_user.id)
    await session.delete(row)
    await commit_or_409(session)
