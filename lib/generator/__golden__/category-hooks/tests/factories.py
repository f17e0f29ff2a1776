"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.category import Category

_counter = itertools.count(1)


async def create_category(**overrides: Any) -> Category:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Category(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def category_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
        "position": 1,
    }
    payload.update(overrides)
    return payload
