"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import associations
from app.models.article import Article
from app.models.order import Order
from app.models.profile import Profile
from app.models.user import User

__all__ = ["Article", "Order", "Profile", "User", "associations"]
