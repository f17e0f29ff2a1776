"""POST /tickets/{ticket_id}/assign: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-1a1a1ab53870a471 (follows renames)

import uuid

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.account import Account
from app.schemas.custom import TicketInput
from app.schemas.ticket import TicketRead


async def handle(
    session: AsyncSession,
    ticket_id: uuid.UUID,
    notify: bool | None,
    agent: uuid.UUID,
    current_user: Account,
    body: TicketInput,
) -> TicketRead:
    """Assign a ticket to an agent."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
