"""Hand-written endpoints: each route calls its module in app/handlers."""

from fastapi import APIRouter

from app.api.deps import CurrentUser, SessionDep
from app.api.scoping import ViewerUser
from app.handlers import get_feed as get_feed_handler
from app.handlers import get_me as get_me_handler
from app.handlers import post_posts_slug_publish as post_posts_slug_publish_handler
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import PostDetail
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


@router.post(
    "/posts/{slug}/publish",
    tags=["posts"],
    summary="Publish a post now",
    responses=error_responses(401, 501),
)
async def post_posts_slug_publish(
    session: SessionDep,
    slug: SafeStr,
    current_user: CurrentUser,
) -> PostDetail:
    """Publish a post now. Hand-written in app/handlers: answers 501 Not
    Implemented while its handler is the generated scaffold.
    """
    return await post_posts_slug_publish_handler.handle(
        session=session, slug=slug, current_user=current_user
    )


@router.get(
    "/feed",
    tags=["custom"],
    summary="Published posts and the viewer's drafts",
    responses=error_responses(401, 501),
    openapi_extra={"security": [{}]},
)
async def get_feed(
    session: SessionDep,
    current_user: ViewerUser,
) -> list[PostDetail]:
    """Published posts and the viewer's drafts. Hand-written in app/handlers:
    answers 501 Not Implemented while its handler is the generated scaffold.
    """
    return await get_feed_handler.handle(session=session, current_user=current_user)
