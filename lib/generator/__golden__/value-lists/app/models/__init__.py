"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import associations
from app.models.category import Category
from app.models.person import Person
from app.models.placement import Placement
from app.models.post import Post
from app.models.tag import Tag

__all__ = ["Category", "Person", "Placement", "Post", "Tag", "associations"]
