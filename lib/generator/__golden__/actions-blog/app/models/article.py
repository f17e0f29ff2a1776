import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.comment import Comment
    from app.models.tag import Tag
    from app.models.user import User


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(120), nullable=False)
    published: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    published_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime(), nullable=True
    )
    author_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    editor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    author: Mapped["User"] = relationship(
        foreign_keys="[Article.author_id]", back_populates="articles", lazy="raise"
    )
    editor: Mapped["User | None"] = relationship(
        foreign_keys="[Article.editor_id]",
        back_populates="edited_articles",
        lazy="raise",
    )
    favorited_by: Mapped[list["User"]] = relationship(
        secondary="favorites",
        back_populates="favorites",
        passive_deletes=True,
        lazy="raise",
    )
    tags: Mapped[list["Tag"]] = relationship(
        secondary="articles_tags",
        back_populates="articles",
        passive_deletes=True,
        lazy="raise",
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="article", passive_deletes=True, lazy="raise"
    )
