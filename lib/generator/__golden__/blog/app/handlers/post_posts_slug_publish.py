"""POST /posts/{slug}/publish: your handler."""

# Fastdraft calls `handle` from the generated route and keeps this file when it
# regenerates: a change of the endpoint (a new parameter, another schema) is
# merged into it.
# fastdraft-id: endpoint-d76f8c728d03bdb6 (follows renames)

from fastapi import HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.user import User
from app.schemas.common import SafeStr
from app.schemas.responses import PostDetail


async def handle(
    session: AsyncSession,
    slug: SafeStr,
    current_user: User,
) -> PostDetail:
    """Publish a post now."""
    # The parameters arrive validated. Commit the session when you change rows;
    # raise HTTPException with a clear message to refuse (404, 409, 422...).
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: this endpoint's handler is still the scaffold"),
    )
