from pydantic import BaseModel

from app.schemas.inventory_item import InventoryItemRead


class InventoryItemList(BaseModel):
    """One page of InventoryItem rows."""

    items: list[InventoryItemRead]
    total: int
    limit: int
    offset: int
