"""GET /me: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-adb6b57ac82360f6 (follows renames)

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.user import User
from app.schemas.user import UserRead


async def handle(
    session: AsyncSession,
    current_user: User,
) -> UserRead:
    """The signed-in user."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
