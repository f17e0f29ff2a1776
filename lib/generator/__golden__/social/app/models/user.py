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
    from app.models.comment import Comment
    from app.models.post import Post


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
        String(30), nullable=False, unique=True, index=True
    )
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    posts: Mapped[list["Post"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )
    liked_posts: Mapped[list["Post"]] = relationship(
        secondary="likes", back_populates="liked_by", passive_deletes=True, lazy="raise"
    )
    following: Mapped[list["User"]] = relationship(
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
        back_populates="following",
        passive_deletes=True,
        lazy="raise",
    )

    if TYPE_CHECKING:
        # Column properties over related rows, attached in app/models/computed.py.
        followers_count: Mapped[int]
        following_count: Mapped[int]
    followed: Mapped[bool] = query_expression(default_expr=false())

    @validates("email")
    def _normalise_login(self, _key: str, value: str) -> str:
        return normalise_login(value)
