"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.city import City

_counter = itertools.count(1)


async def create_city(**overrides: Any) -> City:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = City(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def city_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload
