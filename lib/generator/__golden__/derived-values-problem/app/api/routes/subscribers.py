from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.subscriber import Subscriber
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import SubscriberList
from app.schemas.subscriber import SubscriberCreate, SubscriberRead, SubscriberUpdate

router = APIRouter(prefix="/subscribers", tags=["subscribers"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Subscriber:
    """One Subscriber (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Subscriber).where(*where).execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Subscriber not found")
    return row


@router.get("", responses=error_responses(422))
async def list_subscribers(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> SubscriberList:
    """A page (limit, offset) of the Subscriber rows."""
    statement = select(Subscriber)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Subscriber.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [SubscriberRead.model_validate(row) for row in rows]
    return SubscriberList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{subscriber_id}", responses=error_responses(404, 422))
async def get_subscriber(
    session: SessionDep,
    subscriber_id: Int32,
) -> SubscriberRead:
    """One Subscriber by id; 404 when there is none."""
    row = await _fetch(session, Subscriber.id == subscriber_id)
    return SubscriberRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409, 422))
async def create_subscriber(
    session: SessionDep,
    body: SubscriberCreate,
) -> SubscriberRead:
    """Creates a Subscriber."""
    data = body.model_dump(exclude_unset=True)
    data["email_normalized"] = body.email.lower()[:320]
    row = Subscriber(**data)
    session.add(row)
    await commit_or_409(session)
    return SubscriberRead.model_validate(await _fetch(session, Subscriber.id == row.id))


@router.patch("/{subscriber_id}", responses=error_responses(404, 409, 422))
async def update_subscriber(
    session: SessionDep,
    subscriber_id: Int32,
    body: SubscriberUpdate,
) -> SubscriberRead:
    """Changes the fields sent of a Subscriber by id; 404 when there is none."""
    row = await _fetch(session, Subscriber.id == subscriber_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return SubscriberRead.model_validate(await _fetch(session, Subscriber.id == row.id))


@router.delete(
    "/{subscriber_id}", status_code=204, responses=error_responses(404, 409, 422)
)
async def delete_subscriber(
    session: SessionDep,
    subscriber_id: Int32,
) -> None:
    """Deletes a Subscriber by id; 404 when there is none."""
    row = await _fetch(session, Subscriber.id == subscriber_id)
    await session.delete(row)
    await commit_or_409(session)
