"""Hand-written endpoints: typed stubs answering 501 until implemented."""

from fastapi import APIRouter, HTTPException

from app.api.deps import CurrentUser
from app.schemas.responses import PostDetail
from app.schemas.user import UserRead

router = APIRouter()


@router.post("/posts/{slug}/publish", tags=["posts"], summary="Publish a post now")
async def post_posts_slug_publish(
    slug: str,
    current_user: CurrentUser,
) -> PostDetail:
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail=("Not implemented yet: POST /posts/{slug}/publish"),
    )


@router.get("/me", tags=["custom"], summary="The signed-in user")
async def get_me(
    current_user: CurrentUser,
) -> UserRead:
    # TODO: implement. The parameters above are already validated.
    raise HTTPException(
        status_code=501,
        detail="Not implemented yet: GET /me",
    )
