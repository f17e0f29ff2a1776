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
        "visible": 1,
        "data": True,
        "setattr": f"setattr-{n}",
        "session": 1,
        "sort": dt.date(2024, 1, 15),
        "request": f"request-{n}",
        "status": True,
        "func": dt.date(2024, 1, 15),
        "aliased": 1,
        "hash_password": True,
        "require_roles": f"require-roles-{n}",
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
        "visible": 1,
        "data": True,
        "setattr": f"setattr-{n}",
        "session": 1,
        "sort": "2024-01-15",
        "request": f"request-{n}",
        "status": True,
        "func": "2024-01-15",
        "aliased": 1,
        "hash_password": True,
        "require_roles": f"require-roles-{n}",
    }
    payload.update(overrides)
    return payload
