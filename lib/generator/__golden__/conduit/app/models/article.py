import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, false, func
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.tag import Tag
    from app.models.user import User


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(
        String(200), nullable=False, unique=True, index=True
    )
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(String(500), nullable=False)
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

    tags: Mapped[list["Tag"]] = relationship(
        secondary="articles_tags",
        back_populates="articles",
        passive_deletes=True,
        lazy="raise",
    )
    author: Mapped["User"] = relationship(back_populates="articles", lazy="raise")
    favorited_by: Mapped[list["User"]] = relationship(
        secondary="favorites",
        back_populates="favorites",
        passive_deletes=True,
        lazy="raise",
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="article", passive_deletes=True, lazy="raise"
    )

    if TYPE_CHECKING:
        # Column properties over related rows, attached in app/models/computed.py.
        favorites_count: Mapped[int]
    favorited: Mapped[bool] = query_expression(default_expr=false())
