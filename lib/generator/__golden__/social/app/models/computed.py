"""Computed fields: correlated subqueries inside the statement loading the rows."""

from sqlalchemy import ColumnElement, false, func, select
from sqlalchemy.orm import column_property

from app.models.associations import follows, likes
from app.models.comment import Comment
from app.models.post import Post
from app.models.user import User

User.followers_count = column_property(
    select(func.count())
    .select_from(follows)
    .where(follows.c.related_user_id == User.id)
    .correlate_except(follows)
    .scalar_subquery()
)


User.following_count = column_property(
    select(func.count())
    .select_from(follows)
    .where(follows.c.user_id == User.id)
    .correlate_except(follows)
    .scalar_subquery()
)


def user_followed(viewer: User | None) -> ColumnElement[bool]:
    """`followed`: the viewer is one of the User's `followers`; false for
    anonymous callers.
    """
    if viewer is None:
        return false()
    return (
        select(follows.c.related_user_id)
        .select_from(follows)
        .where(follows.c.related_user_id == User.id, follows.c.user_id == viewer.id)
        .correlate_except(follows)
        .exists()
    )


Post.likes_count = column_property(
    select(func.count())
    .select_from(likes)
    .where(likes.c.post_id == Post.id)
    .correlate_except(likes)
    .scalar_subquery()
)


def post_liked(viewer: User | None) -> ColumnElement[bool]:
    """`liked`: the viewer is one of the Post's `liked_by`; false for anonymous
    callers.
    """
    if viewer is None:
        return false()
    return (
        select(likes.c.post_id)
        .select_from(likes)
        .where(likes.c.post_id == Post.id, likes.c.user_id == viewer.id)
        .correlate_except(likes)
        .exists()
    )


Post.comments_count = column_property(
    select(func.count())
    .select_from(Comment)
    .where(Comment.post_id == Post.id)
    .correlate_except(Comment)
    .scalar_subquery()
)
