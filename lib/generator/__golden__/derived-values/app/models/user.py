import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.like import Like
    from app.models.post import Post


def normalise_login(value: str) -> str:
    """Logins are unique regardless of case and surrounding spaces."""
    return value.strip().lower()


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), nullable=False, unique=True)
    password: Mapped[str] = mapped_column(String(255), nullable=False)
    display_name: Mapped[str] = mapped_column(String(80), nullable=False)
    handle: Mapped[str | None] = mapped_column(String(40), nullable=True, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    posts: Mapped[list["Post"]] = relationship(
        back_populates="author", passive_deletes=True, lazy="raise"
    )
    likes: Mapped[list["Like"]] = relationship(
        back_populates="user", passive_deletes=True, lazy="raise"
    )

    @validates("email")
    def _normalise_login(self, _key: str, value: str) -> str:
        return normalise_login(value)
