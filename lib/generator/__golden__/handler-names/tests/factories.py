"""Rows and request bodies for the tests, valid by construction."""

import datetime as dt
import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.probe import Probe
from app.models.tally import Tally

_counter = itertools.count(1)


async def create_tally(**overrides: Any) -> Tally:
    n = next(_counter)
    values: dict[str, Any] = {
        "statement": f"statement-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Tally(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def tally_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "statement": f"statement-{n}",
    }
    payload.update(overrides)
    return payload


async def create_probe(**overrides: Any) -> Probe:
    n = next(_counter)
    values: dict[str, Any] = {
        "statement": f"statement-{n}",
        "count_statement": 1,
        "key": dt.date(2024, 1, 15),
        "related": f"related-{n}",
        "rows": True,
        "row": f"row-{n}",
        "data": 1,
        "value": True,
        "session": f"session-{n}",
        "body": 1,
        "request": dt.date(2024, 1, 15),
        "response": f"response-{n}",
        "func": True,
        "selectinload": dt.date(2024, 1, 15),
        "hash_password": 1,
        "commit_or_409": True,
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Probe(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def probe_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "statement": f"statement-{n}",
        "count_statement": 1,
        "key": "2024-01-15",
        "related": f"related-{n}",
        "rows": True,
        "row": f"row-{n}",
        "data": 1,
        "value": True,
        "session": f"session-{n}",
        "body": 1,
        "request": "2024-01-15",
        "response": f"response-{n}",
        "func": True,
        "selectinload": "2024-01-15",
        "hash_password": 1,
        "commit_or_409": True,
    }
    payload.update(overrides)
    return payload
