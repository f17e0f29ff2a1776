"""GET /reports/accounts/{account_id}: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-19d659564399133a (follows renames)

import datetime as dt

from fastapi import HTTPException
from pydantic import FiniteFloat
from sqlalchemy.ext.asyncio import AsyncSession

from app.schemas.common import Int32
from app.schemas.ticket import TicketRead


async def handle(
    session: AsyncSession,
    account_id: Int32,
    since: dt.datetime | None,
    min_score: FiniteFloat | None,
    day: dt.date,
) -> list[TicketRead]:
    """An account's tickets."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
