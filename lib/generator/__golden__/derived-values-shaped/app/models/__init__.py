"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.like import Like
from app.models.post import Post
from app.models.subscriber import Subscriber
from app.models.user import User

__all__ = ["Like", "Post", "Subscriber", "User"]
