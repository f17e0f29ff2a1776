"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.account import Account
from app.models.ticket import Ticket

_counter = itertools.count(1)


async def create_account(**overrides: Any) -> Account:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": hash_password("Correct-Horse-7-Battery"),
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Account(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def account_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": "Correct-Horse-7-Battery",
    }
    payload.update(overrides)
    return payload


async def create_ticket(owned_by: Account | None = None, **overrides: Any) -> Ticket:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
    }
    if "reporter_id" not in overrides:
        values["reporter_id"] = (owned_by or await create_account()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Ticket(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def ticket_payload(
    owned_by: Account | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
    }
    payload.update(overrides)
    return payload
