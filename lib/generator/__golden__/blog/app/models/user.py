import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Enum, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base
from app.enums import Role, enum_values

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.post import Post


class User(Base):
    """A person who can sign in."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(
        String(320), nullable=False, unique=True, index=True
    )
    password: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="role", values_callable=enum_values),
        nullable=False,
        default=Role.READER,
    )
    username: Mapped[str] = mapped_column(
        String(30), nullable=False, unique=True, index=True
    )
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    posts: Mapped[list["Post"]] = relationship(
        back_populates="author", passive_deletes=True
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="author", passive_deletes=True
    )
    following: Mapped[list["User"]] = relationship(
        secondary="follows",
        primaryjoin="User.id == follows.c.user_id",
        secondaryjoin="User.id == follows.c.related_user_id",
        back_populates="followers",
        passive_deletes=True,
    )
    followers: Mapped[list["User"]] = relationship(
        secondary="follows",
        primaryjoin="User.id == follows.c.related_user_id",
        secondaryjoin="User.id == follows.c.user_id",
        back_populates="following",
        passive_deletes=True,
    )
