"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.todo_item import TodoItem
from app.models.todo_list import TodoList
from app.models.user import User

_counter = itertools.count(1)


async def create_user(**overrides: Any) -> User:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": hash_password("Correct-Horse-7-Battery"),
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = User(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def user_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": "Correct-Horse-7-Battery",
    }
    payload.update(overrides)
    return payload


async def create_todo_list(owned_by: User | None = None, **overrides: Any) -> TodoList:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
    }
    if "owner_id" not in overrides:
        values["owner_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = TodoList(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def todo_list_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
    }
    payload.update(overrides)
    return payload


async def create_todo_item(owned_by: User | None = None, **overrides: Any) -> TodoItem:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
    }
    if "todo_list_id" not in overrides:
        values["todo_list_id"] = (await create_todo_list(owned_by=owned_by)).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = TodoItem(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def todo_item_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
        "done": True,
        "position": 0,
    }
    if "todo_list_id" not in overrides:
        payload["todo_list_id"] = (await create_todo_list(owned_by=owned_by)).id
    payload.update(overrides)
    return payload
