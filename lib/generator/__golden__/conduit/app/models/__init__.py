"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import associations, computed
from app.models.article import Article
from app.models.comment import Comment
from app.models.tag import Tag
from app.models.user import User

__all__ = ["Article", "Comment", "Tag", "User", "associations", "computed"]
