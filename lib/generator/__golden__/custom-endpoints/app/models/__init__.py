"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.account import Account
from app.models.ticket import Ticket

__all__ = ["Account", "Ticket"]
