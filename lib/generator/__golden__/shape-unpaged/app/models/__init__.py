"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.city import City

__all__ = ["City"]
