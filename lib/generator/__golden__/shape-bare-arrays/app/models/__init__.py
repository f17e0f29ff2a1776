"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.label import Label
from app.models.note import Note

__all__ = ["Label", "Note"]
