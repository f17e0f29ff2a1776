from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409, require_roles
from app.models.tag import Tag
from app.models.user import User
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TagList
from app.schemas.tag import TagCreate, TagRead, TagUpdate

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


@router.get("/{tag_id}", responses=error_responses(404))
async def get_tag(
    session: SessionDep,
    tag_id: Int32,
) -> TagRead:
    """One Tag by id; 404 when there is none."""
    row = await _fetch(session, Tag.id == tag_id)
    return TagRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 403, 409))
async def create_tag(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    body: TagCreate,
) -> TagRead:
    """Creates a Tag."""
    data = body.model_dump(exclude_unset=True)
    row = Tag(**data)
    session.add(row)
    await commit_or_409(session)
    return TagRead.model_validate(await _fetch(session, Tag.id == row.id))


@router.patch("/{tag_id}", responses=error_responses(401, 403, 404, 409))
async def update_tag(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    tag_id: Int32,
    body: TagUpdate,
) -> TagRead:
    """Changes the fields sent of a Tag by id; 404 when there is none."""
    row = await _fetch(session, Tag.id == tag_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return TagRead.model_validate(await _fetch(session, Tag.id == row.id))


@router.delete(
    "/{tag_id}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_tag(
    session: SessionDep,
    current_user: Annotated[User, Depends(require_roles("admin"))],
    tag_id: Int32,
) -> None:
    """Deletes a Tag by id; 404 when there is none."""
    row = await _fetch(session, Tag.id == tag_id)
    await session.delete(row)
    await commit_or_409(session)
