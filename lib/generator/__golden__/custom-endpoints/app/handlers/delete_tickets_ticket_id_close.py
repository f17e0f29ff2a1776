"""DELETE /tickets/{ticket_id}/close: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-e81539e8b7c72e84 (follows renames)

import uuid

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.account import Account
from app.schemas.common import SafeStr


async def handle(
    session: AsyncSession,
    ticket_id: uuid.UUID,
    reason: SafeStr,
    current_user: Account,
) -> None:
    """Close a ticket."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
