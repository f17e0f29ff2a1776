import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.category import Category
    from app.models.placement import Placement
    from app.models.tag import Tag


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(120), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    tags: Mapped[list["Tag"]] = relationship(
        secondary="posts_tags",
        back_populates="posts",
        passive_deletes=True,
        lazy="raise",
    )
    placements: Mapped[list["Placement"]] = relationship(
        back_populates="post", passive_deletes=True, lazy="raise"
    )
    categories: Mapped[list["Category"]] = relationship(
        secondary="placements",
        primaryjoin="Post.id == Placement.post_id",
        secondaryjoin="Category.id == Placement.category_id",
        back_populates="posts",
        viewonly=True,
        lazy="raise",
    )
