import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import Enum, ForeignKey, String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now
from app.enums import ArticleStatus, enum_values

if TYPE_CHECKING:
    from app.models.bookmark import Bookmark
    from app.models.user import User


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    slug: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    status: Mapped[ArticleStatus] = mapped_column(
        Enum(ArticleStatus, name="article_status", values_callable=enum_values),
        nullable=False,
        default=ArticleStatus.DRAFT,
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    author: Mapped["User"] = relationship(back_populates="articles", lazy="raise")
    bookmark_rows: Mapped[list["Bookmark"]] = relationship(
        back_populates="article", passive_deletes=True, lazy="raise"
    )
    bookmarked_by: Mapped[list["User"]] = relationship(
        secondary="bookmarks",
        primaryjoin="Article.id == Bookmark.article_id",
        secondaryjoin="User.id == Bookmark.user_id",
        back_populates="bookmarks",
        viewonly=True,
        lazy="raise",
    )
