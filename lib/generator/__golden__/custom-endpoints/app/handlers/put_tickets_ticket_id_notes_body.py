"""PUT /tickets/{ticket_id}/notes/{body}: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-d369b5a0badf31fc (follows renames)

import uuid

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.account import Account
from app.schemas.custom import TicketInput


async def handle(
    session: AsyncSession,
    ticket_id: uuid.UUID,
    body: str,
    current_user: Account,
    body_: TicketInput,
) -> None:
    """Attach a note."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
