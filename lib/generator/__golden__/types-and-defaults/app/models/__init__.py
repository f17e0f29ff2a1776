"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.inventory_item import InventoryItem

__all__ = ["InventoryItem"]
