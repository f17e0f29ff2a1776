from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute

from app.api.deps import SessionDep
from app.core.db import Bytewise
from app.models.tag import Tag
from app.schemas.common import Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TagList
from app.schemas.tag import TagRead

router = APIRouter(prefix="/tags", tags=["tags"])


@router.get("", responses=error_responses(422))
async def list_tags(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> TagList:
    """A page (limit, offset) of the Tag rows."""
    statement = select(Tag)
    order = "name"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any] | ColumnElement[Any]
    if key == "name":
        column = Bytewise(Tag.name)
    else:
        column = Tag.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Tag.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [TagRead.model_validate(row) for row in rows]
    return TagList(items=items)
