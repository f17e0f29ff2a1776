import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now


class Category(Base):
    """A node of the category tree."""

    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    parent: Mapped["Category | None"] = relationship(
        foreign_keys="[Category.parent_id]",
        remote_side="[Category.id]",
        back_populates="children",
        lazy="raise",
    )
    children: Mapped[list["Category"]] = relationship(
        foreign_keys="[Category.parent_id]",
        back_populates="parent",
        passive_deletes=True,
        lazy="raise",
    )
