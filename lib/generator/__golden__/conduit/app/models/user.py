import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, Text, false, func
from sqlalchemy.orm import (
    Mapped,
    mapped_column,
    query_expression,
    relationship,
    validates,
)

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.article import Article
    from app.models.comment import Comment


def normalise_login(value: str) -> str:
    """Logins are unique regardless of case and surrounding spaces."""
    return value.strip().lower()


class User(Base):
    """A person who can sign in."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(
        String(320), nullable=False, unique=True, index=True
    )
    password: Mapped[str] = mapped_column(String(255), nullable=False)
    username: Mapped[str] = mapped_column(
        String(40), nullable=False, unique=True, index=True
    )
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)
    image: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    articles: Mapped[list["Article"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )
    favorites: Mapped[list["Article"]] = relationship(
        secondary="favorites",
        back_populates="favorited_by",
        passive_deletes=True,
        lazy="raise",
    )
    followed_users: Mapped[list["User"]] = relationship(
        secondary="follows",
        primaryjoin="User.id == follows.c.user_id",
        secondaryjoin="User.id == follows.c.related_user_id",
        back_populates="followers",
        passive_deletes=True,
        lazy="raise",
    )
    followers: Mapped[list["User"]] = relationship(
        secondary="follows",
        primaryjoin="User.id == follows.c.related_user_id",
        secondaryjoin="User.id == follows.c.user_id",
        back_populates="followed_users",
        passive_deletes=True,
        lazy="raise",
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )

    following: Mapped[bool] = query_expression(default_expr=false())

    @validates("email")
    def _normalise_login(self, _key: str, value: str) -> str:
        return normalise_login(value)
