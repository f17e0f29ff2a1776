import uuid
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.core.security import hash_password_async
from app.models.ticket import Ticket
from app.schemas.common import Int64
from app.schemas.errors import error_responses
from app.schemas.responses import TicketList
from app.schemas.ticket import TicketCreate, TicketRead, TicketUpdate

router = APIRouter(prefix="/tickets", tags=["tickets"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Ticket:
    """One Ticket (relations to embed loaded eagerly), or 404."""
    statement = select(Ticket).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Ticket not found")
    return row


@router.get("", responses=error_responses(401))
async def list_tickets(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> TicketList:
    """A page (limit, offset) of the Ticket rows."""
    statement = select(Ticket)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Ticket.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [TicketRead.model_validate(row) for row in rows]
    return TicketList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{ticket_id}", responses=error_responses(401, 404))
async def get_ticket(
    session: SessionDep,
    current_user: CurrentUser,
    ticket_id: uuid.UUID,
) -> TicketRead:
    """One Ticket by id; 404 when there is none."""
    row = await _fetch(session, Ticket.id == ticket_id)
    return TicketRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_ticket(
    session: SessionDep,
    current_user: CurrentUser,
    body: TicketCreate,
) -> TicketRead:
    """Creates a Ticket owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    if body.pin is not None:
        data["pin"] = await hash_password_async(body.pin)
    data["reporter_id"] = current_user.id
    row = Ticket(**data)
    session.add(row)
    await commit_or_409(session)
    return TicketRead.model_validate(await _fetch(session, Ticket.id == row.id))


@router.patch("/{ticket_id}", responses=error_responses(401, 404, 409))
async def update_ticket(
    session: SessionDep,
    current_user: CurrentUser,
    ticket_id: uuid.UUID,
    body: TicketUpdate,
) -> TicketRead:
    """Changes the fields sent of a Ticket of the caller by id; 404 when there
    is none.
    """
    row = await _fetch(
        session, Ticket.id == ticket_id, Ticket.reporter_id == current_user.id
    )
    data = body.model_dump(exclude_unset=True)
    if body.pin is not None:
        data["pin"] = await hash_password_async(body.pin)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return TicketRead.model_validate(await _fetch(session, Ticket.id == row.id))


@router.delete(
    "/{ticket_id}", status_code=204, responses=error_responses(401, 404, 409)
)
async def delete_ticket(
    session: SessionDep,
    current_user: CurrentUser,
    ticket_id: uuid.UUID,
) -> None:
    """Deletes a Ticket of the caller by id; 404 when there is none."""
    row = await _fetch(
        session, Ticket.id == ticket_id, Ticket.reporter_id == current_user.id
    )
    await session.delete(row)
    await commit_or_409(session)
