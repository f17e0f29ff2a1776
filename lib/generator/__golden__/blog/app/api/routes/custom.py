"""Hand-written endpoints: typed stubs answering 501 until implemented."""

from fastapi import APIRouter, HTTPException

from app.api.deps import CurrentUser
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
    current_user: CurrentUser,
) -> UserRead:
    """The signed-in user. Stub: answers 501 Not Implemented until it is
    written.
    """
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail="Not implemented yet: GET /me",
    )
