"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.category import Category

__all__ = ["Category"]
