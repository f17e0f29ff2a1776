from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload, with_expression

from app.api.actions import add_link, remove_link
from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import ViewerUser
from app.models.associations import likes
from app.models.computed import post_liked, user_followed
from app.models.post import Post
from app.models.user import User
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.post import PostCreate, PostUpdate
from app.schemas.responses import PostDetail, PostList

router = APIRouter(prefix="/posts", tags=["posts"])


me_router = APIRouter(tags=["posts"])


async def _fetch(
    session: AsyncSession, *where: ColumnElement[bool], viewer: User | None
) -> Post:
    """One Post (embeds and the viewer's computed fields loaded), or 404."""
    statement = (
        select(Post)
        .where(*where)
        .options(
            selectinload(Post.author).options(
                with_expression(User.followed, user_followed(viewer))
            ),
            with_expression(Post.liked, post_liked(viewer)),
        )
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return row


@router.get("", responses=error_responses(401), openapi_extra={"security": [{}]})
async def list_posts(
    session: SessionDep,
    current_user: ViewerUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["likes_count", "-likes_count", "id", "-id"] | None, Query()
    ] = None,
    author: Annotated[SafeStr | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows. Filters: author. Sort by
    likes_count and id (`-` for descending). A valid token identifies the
    caller; an invalid or expired one is a 401.
    """
    statement = select(Post)
    if author is not None:
        statement = statement.where(Post.author.has(User.username == author))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "likes_count":
        column = Post.likes_count
    elif key == "id":
        column = Post.id
    else:
        column = Post.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Post.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Post.author).options(
                with_expression(User.followed, user_followed(current_user))
            ),
            with_expression(Post.liked, post_liked(current_user)),
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PostDetail.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/feed",
    summary=("Posts of the people you follow, newest first."),
    responses=error_responses(401),
)
async def list_posts_feed(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["likes_count", "-likes_count", "id", "-id"] | None, Query()
    ] = None,
    author: Annotated[SafeStr | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows that reach the caller through
    `author`, then `followers`. Filters: author. Sort by likes_count and id
    (`-` for descending). Signed-in callers only (401 without a valid
    token).
    """
    statement = select(Post)
    statement = statement.where(
        Post.author.has(User.followers.any(User.id == current_user.id))
    )
    if author is not None:
        statement = statement.where(Post.author.has(User.username == author))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "likes_count":
        column = Post.likes_count
    elif key == "id":
        column = Post.id
    else:
        column = Post.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Post.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Post.author).options(
                with_expression(User.followed, user_followed(current_user))
            ),
            with_expression(Post.liked, post_liked(current_user)),
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PostDetail.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.get(
    "/{post_id}", responses=error_responses(401, 404), openapi_extra={"security": [{}]}
)
async def get_post(
    session: SessionDep,
    current_user: ViewerUser,
    post_id: Int32,
) -> PostDetail:
    """One Post by id; 404 when there is none. A valid token identifies the
    caller; an invalid or expired one is a 401.
    """
    row = await _fetch(session, Post.id == post_id, viewer=current_user)
    return PostDetail.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 409))
async def create_post(
    session: SessionDep,
    current_user: CurrentUser,
    body: PostCreate,
) -> PostDetail:
    """Creates a Post owned by the caller."""
    data = body.model_dump(exclude_unset=True)
    data["author_id"] = current_user.id
    row = Post(**data)
    session.add(row)
    await commit_or_409(session)
    return PostDetail.model_validate(
        await _fetch(session, Post.id == row.id, viewer=current_user)
    )


@router.patch("/{post_id}", responses=error_responses(401, 404, 409))
async def update_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
    body: PostUpdate,
) -> PostDetail:
    """Changes the fields sent of a Post of the caller by id; 404 when there is
    none.
    """
    row = await _fetch(
        session,
        Post.id == post_id,
        Post.author_id == current_user.id,
        viewer=current_user,
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return PostDetail.model_validate(
        await _fetch(session, Post.id == row.id, viewer=current_user)
    )


@router.delete("/{post_id}", status_code=204, responses=error_responses(401, 404, 409))
async def delete_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
) -> None:
    """Deletes a Post of the caller by id; 404 when there is none."""
    row = await _fetch(
        session,
        Post.id == post_id,
        Post.author_id == current_user.id,
        viewer=current_user,
    )
    await session.delete(row)
    await commit_or_409(session)


@me_router.get(
    "/auth/me/liked", summary="Posts you liked.", responses=error_responses(401)
)
async def list_posts_liked(
    session: SessionDep,
    current_user: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
    sort: Annotated[
        Literal["likes_count", "-likes_count", "id", "-id"] | None, Query()
    ] = None,
    author: Annotated[SafeStr | None, Query()] = None,
) -> PostList:
    """A page (limit, offset) of the Post rows that reach the caller through
    `liked_by`. Filters: author. Sort by likes_count and id (`-` for
    descending). Signed-in callers only (401 without a valid token).
    """
    statement = select(Post)
    statement = statement.where(Post.liked_by.any(User.id == current_user.id))
    if author is not None:
        statement = statement.where(Post.author.has(User.username == author))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    order = sort or "-id"
    key = order.removeprefix("-")
    column: InstrumentedAttribute[Any]
    if key == "likes_count":
        column = Post.likes_count
    elif key == "id":
        column = Post.id
    else:
        column = Post.id
    direction = column.desc() if order.startswith("-") else column.asc()
    statement = statement.order_by(direction, Post.id)
    statement = (
        statement.limit(limit)
        .offset(offset)
        .options(
            selectinload(Post.author).options(
                with_expression(User.followed, user_followed(current_user))
            ),
            with_expression(Post.liked, post_liked(current_user)),
        )
        .execution_options(populate_existing=True)
    )
    rows = (await session.execute(statement)).scalars().all()
    items = [PostDetail.model_validate(row) for row in rows]
    return PostList(items=items, total=total, limit=limit, offset=offset)


@router.post("/{post_id}/like", responses=error_responses(401, 404, 409))
async def like_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
) -> PostDetail:
    """Links the caller to a Post by id and answers it; adding an existing link
    changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Post.id == post_id, viewer=current_user)
    await add_link(
        session,
        likes,
        {"post_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return PostDetail.model_validate(
        await _fetch(session, Post.id == row.id, viewer=current_user)
    )


@router.delete("/{post_id}/like", responses=error_responses(401, 404))
async def unlike_post(
    session: SessionDep,
    current_user: CurrentUser,
    post_id: Int32,
) -> PostDetail:
    """Unlinks the caller from a Post by id and answers it; removing a missing
    link changes nothing. 404 when there is none.
    """
    row = await _fetch(session, Post.id == post_id, viewer=current_user)
    await remove_link(
        session,
        likes,
        {"post_id": row.id, "user_id": current_user.id},
    )
    await commit_or_409(session)
    return PostDetail.model_validate(
        await _fetch(session, Post.id == row.id, viewer=current_user)
    )
