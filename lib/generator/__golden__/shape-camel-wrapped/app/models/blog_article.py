import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.author import Author


class BlogArticle(Base):
    __tablename__ = "blog_articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    body_text: Mapped[str] = mapped_column(Text, nullable=False)
    view_count: Mapped[int] = mapped_column(
        Integer, nullable=False, index=True, default=0
    )
    published_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime(), nullable=True
    )
    written_by_id: Mapped[int] = mapped_column(
        ForeignKey("authors.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    written_by: Mapped["Author"] = relationship(
        back_populates="blog_articles", lazy="raise"
    )
