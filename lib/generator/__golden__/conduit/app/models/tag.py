from typing import TYPE_CHECKING

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base

if TYPE_CHECKING:
    from app.models.article import Article


class Tag(Base):
    """A label of articles, created by the first article that names it."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), nullable=False, unique=True)

    articles: Mapped[list["Article"]] = relationship(
        secondary="articles_tags",
        back_populates="tags",
        passive_deletes=True,
        lazy="raise",
    )
