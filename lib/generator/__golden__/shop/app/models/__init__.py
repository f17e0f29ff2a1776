"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.order import Order
from app.models.order_line import OrderLine
from app.models.product import Product
from app.models.user import User

__all__ = ["Order", "OrderLine", "Product", "User"]
