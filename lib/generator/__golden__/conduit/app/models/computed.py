"""Computed fields: correlated subqueries inside the statement loading the rows."""

from sqlalchemy import ColumnElement, false, func, select
from sqlalchemy.orm import column_property

from app.models.article import Article
from app.models.associations import favorites, follows
from app.models.user import User


def user_following(viewer: User | None) -> ColumnElement[bool]:
    """`following`: the viewer is one of the User's `followers`; false for
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


def article_favorited(viewer: User | None) -> ColumnElement[bool]:
    """`favorited`: the viewer is one of the Article's `favorited_by`; false
    for anonymous callers.
    """
    if viewer is None:
        return false()
    return (
        select(favorites.c.article_id)
        .select_from(favorites)
        .where(favorites.c.article_id == Article.id, favorites.c.user_id == viewer.id)
        .correlate_except(favorites)
        .exists()
    )


Article.favorites_count = column_property(
    select(func.count())
    .select_from(favorites)
    .where(favorites.c.article_id == Article.id)
    .correlate_except(favorites)
    .scalar_subquery()
)
