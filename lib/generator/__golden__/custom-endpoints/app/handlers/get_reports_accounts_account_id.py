"""GET /reports/accounts/{account_id}: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-19d659564399133a (follows renames)

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.schemas.common import Int32
from app.schemas.ticket import TicketRead


async def handle(
    session: AsyncSession,
    account_id: Int32,
) -> list[TicketRead]:
    """An account's tickets."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
