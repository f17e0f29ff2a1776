"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.label import Label
from app.models.note import Note

_counter = itertools.count(1)


async def create_note(**overrides: Any) -> Note:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Note(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def note_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
        "pinned": True,
    }
    payload.update(
        {
            {"created_at": "created", "updated_at": "modified"}.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_label(**overrides: Any) -> Label:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Label(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def label_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload
