"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import associations, computed
from app.models.comment import Comment
from app.models.post import Post
from app.models.user import User

__all__ = ["Comment", "Post", "User", "associations", "computed"]
