import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.article import Article
    from app.models.bookmark import Bookmark


def normalise_login(value: str) -> str:
    """Logins are unique regardless of case and surrounding spaces."""
    return value.strip().lower()


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)
    password: Mapped[str] = mapped_column(String(255), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    articles: Mapped[list["Article"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )
    bookmark_rows: Mapped[list["Bookmark"]] = relationship(
        back_populates="user", passive_deletes=True, lazy="raise"
    )
    bookmarks: Mapped[list["Article"]] = relationship(
        secondary="bookmarks",
        primaryjoin="User.id == Bookmark.user_id",
        secondaryjoin="Article.id == Bookmark.article_id",
        back_populates="bookmarked_by",
        viewonly=True,
        lazy="raise",
    )

    @validates("email")
    def _normalise_login(self, _key: str, value: str) -> str:
        return normalise_login(value)
