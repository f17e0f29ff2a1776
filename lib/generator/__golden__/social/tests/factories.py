"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.comment import Comment
from app.models.post import Post
from app.models.user import User

_counter = itertools.count(1)


async def create_user(**overrides: Any) -> User:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": hash_password("Correct-Horse-7-Battery"),
        "username": f"username{n}",
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
        "username": f"username{n}",
    }
    payload.update(overrides)
    return payload


async def create_post(owned_by: User | None = None, **overrides: Any) -> Post:
    n = next(_counter)
    values: dict[str, Any] = {
        "body": f"body-{n}",
    }
    if "author_id" not in overrides:
        values["author_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Post(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def post_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "body": f"body-{n}",
    }
    payload.update(overrides)
    return payload


async def create_comment(owned_by: User | None = None, **overrides: Any) -> Comment:
    n = next(_counter)
    values: dict[str, Any] = {
        "body": f"body-{n}",
    }
    if "post_id" not in overrides:
        values["post_id"] = (await create_post(owned_by=owned_by)).id
    if "author_id" not in overrides:
        values["author_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Comment(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def comment_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "body": f"body-{n}",
    }
    payload.update(overrides)
    return payload
