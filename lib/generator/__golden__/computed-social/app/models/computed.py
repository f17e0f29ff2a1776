"""Computed fields: correlated subqueries inside the statement loading the rows."""

from sqlalchemy import BigInteger, ColumnElement, cast, false, func, select
from sqlalchemy.orm import column_property

from app.models.associations import posts_likers, users_follows
from app.models.comment import Comment
from app.models.post import Post
from app.models.user import User

User.followers_count = column_property(
    select(func.count())
    .select_from(users_follows)
    .where(users_follows.c.related_user_id == User.id)
    .correlate_except(users_follows)
    .scalar_subquery()
)


def user_following(viewer: User | None) -> ColumnElement[bool]:
    """`following`: the viewer is one of the User's `followers`; false for
    anonymous callers.
    """
    if viewer is None:
        return false()
    return (
        select(users_follows.c.related_user_id)
        .select_from(users_follows)
        .where(
            users_follows.c.related_user_id == User.id,
            users_follows.c.user_id == viewer.id,
        )
        .correlate_except(users_follows)
        .exists()
    )


Post.likes_count = column_property(
    select(func.count())
    .select_from(posts_likers)
    .where(posts_likers.c.post_id == Post.id)
    .correlate_except(posts_likers)
    .scalar_subquery()
)


def post_liked(viewer: User | None) -> ColumnElement[bool]:
    """`liked`: the viewer is one of the Post's `likers`; false for anonymous
    callers.
    """
    if viewer is None:
        return false()
    return (
        select(posts_likers.c.post_id)
        .select_from(posts_likers)
        .where(posts_likers.c.post_id == Post.id, posts_likers.c.user_id == viewer.id)
        .correlate_except(posts_likers)
        .exists()
    )


Post.comments_count = column_property(
    select(func.count())
    .select_from(Comment)
    .where(Comment.post_id == Post.id, Comment.approved.is_(True))
    .correlate_except(Comment)
    .scalar_subquery()
)


Post.top_rating = column_property(
    select(func.max(Comment.rating))
    .select_from(Comment)
    .where(Comment.post_id == Post.id)
    .correlate_except(Comment)
    .scalar_subquery()
)


Post.rating_total = column_property(
    select(cast(func.coalesce(func.sum(Comment.rating), 0), BigInteger))
    .select_from(Comment)
    .where(Comment.post_id == Post.id)
    .correlate_except(Comment)
    .scalar_subquery()
)


Post.has_comments = column_property(
    select(Comment.post_id)
    .select_from(Comment)
    .where(Comment.post_id == Post.id)
    .correlate_except(Comment)
    .exists()
)
