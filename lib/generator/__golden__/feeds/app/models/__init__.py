"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import associations
from app.models.article import Article
from app.models.company import Company
from app.models.link import Link
from app.models.order import Order
from app.models.page import Page
from app.models.profile import Profile
from app.models.user import User

__all__ = [
    "Article",
    "Company",
    "Link",
    "Order",
    "Page",
    "Profile",
    "User",
    "associations",
]
