"""Hand-written endpoints: each route calls its module in app/handlers."""

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import FiniteFloat

from app.api.deps import CurrentUser, SessionDep, require_roles
from app.handlers import delete_ticket as delete_ticket_handler
from app.handlers import (
    delete_tickets_ticket_id_close as delete_tickets_ticket_id_close_handler,
)
from app.handlers import (
    get_reports_accounts_account_id as get_reports_accounts_account_id_handler,
)
from app.handlers import (
    post_tickets_ticket_id_assign as post_tickets_ticket_id_assign_handler,
)
from app.handlers import (
    put_tickets_ticket_id_notes_body as put_tickets_ticket_id_notes_body_handler,
)
from app.models.account import Account
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.custom import TicketInput
from app.schemas.errors import error_responses
from app.schemas.ticket import TicketRead

router = APIRouter()


@router.post(
    "/tickets/{ticket_id}/assign",
    tags=["tickets"],
    summary="Assign a ticket to an agent",
    responses=error_responses(401, 403, 501),
)
async def post_tickets_ticket_id_assign(
    *,
    session: SessionDep,
    ticket_id: uuid.UUID,
    notify: Annotated[bool | None, Query()] = None,
    agent: Annotated[uuid.UUID, Query()],
    current_user: Annotated[Account, Depends(require_roles("admin"))],
    body: TicketInput,
) -> TicketRead:
    """Assign a ticket to an agent. Hand-written in app/handlers: answers 501
    Not Implemented while its handler is the generated scaffold.
    """
    return await post_tickets_ticket_id_assign_handler.handle(
        session=session,
        ticket_id=ticket_id,
        notify=notify,
        agent=agent,
        current_user=current_user,
        body=body,
    )


@router.put(
    "/tickets/{ticket_id}/notes/{body}",
    status_code=204,
    tags=["tickets"],
    summary="Attach a note",
    responses=error_responses(401, 501),
)
async def put_tickets_ticket_id_notes_body(
    session: SessionDep,
    ticket_id: uuid.UUID,
    body: str,
    current_user: CurrentUser,
    body_: TicketInput,
) -> None:
    """Attach a note. Hand-written in app/handlers: answers 501 Not Implemented
    while its handler is the generated scaffold.
    """
    await put_tickets_ticket_id_notes_body_handler.handle(
        session=session,
        ticket_id=ticket_id,
        body=body,
        current_user=current_user,
        body_=body_,
    )


@router.delete(
    "/tickets/{ticket_id}/close",
    status_code=204,
    tags=["tickets"],
    summary="Close a ticket",
    responses=error_responses(401, 501),
)
async def delete_tickets_ticket_id_close(
    session: SessionDep,
    ticket_id: uuid.UUID,
    reason: Annotated[SafeStr, Query()],
    current_user: CurrentUser,
) -> None:
    """Close a ticket. Hand-written in app/handlers: answers 501 Not
    Implemented while its handler is the generated scaffold.
    """
    await delete_tickets_ticket_id_close_handler.handle(
        session=session, ticket_id=ticket_id, reason=reason, current_user=current_user
    )


@router.delete(
    "/ticket",
    status_code=204,
    name="delete_ticket_2",
    tags=["custom"],
    summary="Purge closed tickets",
    responses=error_responses(401, 403, 501),
)
async def delete_ticket(
    session: SessionDep,
    older_than_days: Annotated[Int64, Query()],
    current_user: Annotated[Account, Depends(require_roles("admin"))],
) -> None:
    """Purge closed tickets. Hand-written in app/handlers: answers 501 Not
    Implemented while its handler is the generated scaffold.
    """
    await delete_ticket_handler.handle(
        session=session, older_than_days=older_than_days, current_user=current_user
    )


@router.get(
    "/reports/accounts/{account_id}",
    tags=["custom"],
    summary="An account's tickets",
    responses=error_responses(501),
)
async def get_reports_accounts_account_id(
    *,
    session: SessionDep,
    account_id: Int32,
    since: Annotated[
        dt.datetime | None, Query(description="Tickets opened since then")
    ] = None,
    min_score: Annotated[FiniteFloat | None, Query()] = None,
    day: Annotated[dt.date, Query()],
) -> list[TicketRead]:
    """An account's tickets. Hand-written in app/handlers: answers 501 Not
    Implemented while its handler is the generated scaffold.
    """
    return await get_reports_accounts_account_id_handler.handle(
        session=session,
        account_id=account_id,
        since=since,
        min_score=min_score,
        day=day,
    )
