"""Hand-written endpoints: typed stubs answering 501 until implemented."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException

from app.api.deps import CurrentUser, require_roles
from app.models.account import Account
from app.schemas.custom import TicketInput
from app.schemas.errors import ErrorMessage
from app.schemas.ticket import TicketRead

router = APIRouter()


@router.post(
    "/tickets/{ticket_id}/assign",
    tags=["tickets"],
    summary="Assign a ticket to an agent",
    responses={
        401: {
            "model": ErrorMessage,
            "description": "Missing, invalid or expired bearer token",
        },
        403: {
            "model": ErrorMessage,
            "description": "Signed in with a role that may not do this",
        },
        501: {"model": ErrorMessage, "description": "Not implemented yet"},
    },
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
    responses={
        401: {
            "model": ErrorMessage,
            "description": "Missing, invalid or expired bearer token",
        },
        501: {"model": ErrorMessage, "description": "Not implemented yet"},
    },
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
    responses={
        401: {
            "model": ErrorMessage,
            "description": "Missing, invalid or expired bearer token",
        },
        501: {"model": ErrorMessage, "description": "Not implemented yet"},
    },
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


@router.get(
    "/reports/accounts/{account_id}",
    tags=["custom"],
    summary="An account's tickets",
    responses={501: {"model": ErrorMessage, "description": "Not implemented yet"}},
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
