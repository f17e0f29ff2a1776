"""GET /me: the signed-in user."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.user import User
from app.schemas.user import UserRead


async def handle(
    session: AsyncSession,
    current_user: User,
) -> UserRead:
    """The signed-in user, as the users endpoints show them."""
    return UserRead.model_validate(current_user)
