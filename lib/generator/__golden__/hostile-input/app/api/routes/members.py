from fastapi import APIRouter, HTTPException
from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.core.security import hash_password_async
from app.models.member import Member
from app.schemas.common import Int32
from app.schemas.errors import error_responses
from app.schemas.member import MemberCreate, MemberRead

router = APIRouter(prefix="/members", tags=["members"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Member:
    """One Member (relations to embed loaded eagerly), or 404."""
    statement = select(Member).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Member not found")
    return row


@router.get("/{member_id}", responses=error_responses(404))
async def get_member(
    session: SessionDep,
    member_id: Int32,
) -> MemberRead:
    """One Member by id; 404 when there is none."""
    row = await _fetch(session, Member.id == member_id)
    return MemberRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_member(
    session: SessionDep,
    body: MemberCreate,
) -> MemberRead:
    """Creates a Member."""
    data = body.model_dump(exclude_unset=True)
    if body.password is not None:
        data["password"] = await hash_password_async(body.password)
    row = Member(**data)
    session.add(row)
    await commit_or_409(session)
    return MemberRead.model_validate(await _fetch(session, Member.id == row.id))
