import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, Text, false, func
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.user import User


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    author: Mapped["User"] = relationship(back_populates="posts", lazy="raise")
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="post", passive_deletes=True, lazy="raise"
    )
    liked_by: Mapped[list["User"]] = relationship(
        secondary="likes",
        back_populates="liked_posts",
        passive_deletes=True,
        lazy="raise",
    )

    if TYPE_CHECKING:
        # Column properties over related rows, attached in app/models/computed.py.
        likes_count: Mapped[int]
        comments_count: Mapped[int]
    liked: Mapped[bool] = query_expression(default_expr=false())
