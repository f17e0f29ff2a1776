"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.author import Author
from app.models.blog_article import BlogArticle

__all__ = ["Author", "BlogArticle"]
