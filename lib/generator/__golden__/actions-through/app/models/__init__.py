"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.article import Article
from app.models.bookmark import Bookmark
from app.models.user import User

__all__ = ["Article", "Bookmark", "User"]
