from typing import TYPE_CHECKING

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base

if TYPE_CHECKING:
    from app.models.placement import Placement
    from app.models.post import Post


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)

    placements: Mapped[list["Placement"]] = relationship(
        back_populates="category", passive_deletes=True, lazy="raise"
    )
    posts: Mapped[list["Post"]] = relationship(
        secondary="placements",
        primaryjoin="Category.id == Placement.category_id",
        secondaryjoin="Post.id == Placement.post_id",
        back_populates="categories",
        viewonly=True,
        lazy="raise",
    )
