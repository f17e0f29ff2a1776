"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.member import Member
from app.models.reading import Reading

_counter = itertools.count(1)


async def create_member(**overrides: Any) -> Member:
    n = next(_counter)
    values: dict[str, Any] = {
        "handle": f"handle-{n}",
        "password": hash_password("Correct-Horse-7-Battery"),
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Member(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def member_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "handle": f"handle-{n}",
        "password": "Correct-Horse-7-Battery",
    }
    payload.update(overrides)
    return payload


async def create_reading(owned_by: Member | None = None, **overrides: Any) -> Reading:
    n = next(_counter)
    values: dict[str, Any] = {
        "label": f"label-{n}",
        "level": -10,
    }
    if "author_id" not in overrides:
        values["author_id"] = (owned_by or await create_member()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Reading(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def reading_payload(
    owned_by: Member | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "label": f"label-{n}",
        "level": -10,
        "counter": 1,
        "taken_at": "2024-01-15T12:00:00Z",
    }
    payload.update(overrides)
    return payload
