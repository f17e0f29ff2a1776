"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.member import Member
from app.models.reading import Reading

__all__ = ["Member", "Reading"]
