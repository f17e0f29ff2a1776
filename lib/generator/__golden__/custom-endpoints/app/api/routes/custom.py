"""Hand-written endpoints: typed stubs answering 501 until implemented."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import CurrentUser, require_roles
from app.models.account import Account
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
    ticket_id: uuid.UUID,
    current_user: Annotated[Account, Depends(require_roles("admin"))],
    body: TicketInput,
) -> TicketRead:
    """Assign a ticket to an agent. Stub: answers 501 Not Implemented until it
    is written.
    """
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: POST /tickets/{ticket_id}/assign"),
    )


@router.put(
    "/tickets/{ticket_id}/notes/{body}",
    status_code=204,
    tags=["tickets"],
    summary="Attach a note",
    responses=error_responses(401, 501),
)
async def put_tickets_ticket_id_notes_body(
    ticket_id: uuid.UUID,
    body: str,
    current_user: CurrentUser,
    body_: TicketInput,
) -> None:
    """Attach a note. Stub: answers 501 Not Implemented until it is written."""
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: PUT /tickets/{ticket_id}/notes/{body}"),
    )


@router.delete(
    "/tickets/{ticket_id}/close",
    status_code=204,
    tags=["tickets"],
    summary="Close a ticket",
    responses=error_responses(401, 501),
)
async def delete_tickets_ticket_id_close(
    ticket_id: uuid.UUID,
    current_user: CurrentUser,
) -> None:
    """Close a ticket. Stub: answers 501 Not Implemented until it is written."""
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: DELETE /tickets/{ticket_id}/close"),
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
    current_user: Annotated[Account, Depends(require_roles("admin"))],
) -> None:
    """Purge closed tickets. Stub: answers 501 Not Implemented until it is
    written.
    """
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail="Not implemented yet: DELETE /ticket",
    )


@router.get(
    "/reports/accounts/{account_id}",
    tags=["custom"],
    summary="An account's tickets",
    responses=error_responses(501),
)
async def get_reports_accounts_account_id(
    account_id: int,
) -> list[TicketRead]:
    """An account's tickets. Stub: answers 501 Not Implemented until it is
    written.
    """
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: GET /reports/accounts/{account_id}"),
    )
