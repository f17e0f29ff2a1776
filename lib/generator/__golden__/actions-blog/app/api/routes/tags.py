from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.models.tag import Tag
from app.schemas.common import Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import TagList
from app.schemas.tag import TagCreate, TagRead

router = APIRouter(prefix="/tags", tags=["tags"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Tag:
    """One Tag (relations to embed loaded eagerly), or 404."""
    statement = select(Tag).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Tag not found")
    return row


@router.get("")
async def list_tags(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> TagList:
    """A page (limit, offset) of the Tag rows."""
    statement = select(Tag)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Tag.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [TagRead.model_validate(row) for row in rows]
    return TagList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{name}", responses=error_responses(404))
async def get_tag(
    session: SessionDep,
    name: SafeStr,
) -> TagRead:
    """One Tag by name; 404 when there is none."""
    row = await _fetch(session, Tag.name == name)
    return TagRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_tag(
    session: SessionDep,
    current_user: CurrentUser,
    body: TagCreate,
) -> TagRead:
    """Creates a Tag."""
    data = body.model_dump(exclude_unset=True)
    row = Tag(**data)
    session.add(row)
    await commit_or_409(session)
    return TagRead.model_validate(await _fetch(session, Tag.id == row.id))
