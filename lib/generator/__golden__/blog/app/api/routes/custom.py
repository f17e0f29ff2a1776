"""Hand-written endpoints: each route calls its module in app/handlers."""

from fastapi import APIRouter

from app.api.deps import CurrentUser, SessionDep
from app.handlers import get_me as get_me_handler
from app.schemas.errors import error_responses
from app.schemas.user import UserRead

router = APIRouter()


@router.get(
    "/me",
    tags=["custom"],
    summary="The signed-in user",
    responses=error_responses(401, 501),
)
async def get_me(
    session: SessionDep,
    current_user: CurrentUser,
) -> UserRead:
    """The signed-in user. Hand-written in app/handlers: answers 501 Not
    Implemented while its handler is the generated scaffold.
    """
    return await get_me_handler.handle(session=session, current_user=current_user)
