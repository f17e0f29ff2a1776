"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.inventory_item import InventoryItem

_counter = itertools.count(1)


async def create_inventory_item(**overrides: Any) -> InventoryItem:
    n = next(_counter)
    values: dict[str, Any] = {
        "sku": f"{n}00",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = InventoryItem(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def inventory_item_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "sku": f"{n}00",
        "kind": "raw",
        "price": "1.000",
        "count": 1,
        "active": True,
        "since": "2024-01-15",
    }
    payload.update(overrides)
    return payload
