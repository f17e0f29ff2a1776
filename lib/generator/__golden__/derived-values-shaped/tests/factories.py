"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.like import Like
from app.models.post import Post
from app.models.subscriber import Subscriber
from app.models.user import User

_counter = itertools.count(1)


async def create_user(**overrides: Any) -> User:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": hash_password("Correct-Horse-7-Battery"),
        "display_name": f"display-name-{n}",
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
        "displayName": f"display-name-{n}",
    }
    payload.update(
        {
            {
                "display_name": "displayName",
                "current_password": "currentPassword",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_post(owned_by: User | None = None, **overrides: Any) -> Post:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
        "slug": f"slug-{n}",
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
        "title": f"title-{n}",
        "body": f"body-{n}",
        "published": True,
    }
    payload.update(
        {
            {
                "published_at": "publishedAt",
                "author_id": "authorId",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_subscriber(
    owned_by: User | None = None, **overrides: Any
) -> Subscriber:
    n = next(_counter)
    values: dict[str, Any] = {
        "list_name": f"list-name-{n}",
        "email": f"user{n}@example.com",
        "email_normalized": f"user{n}@example.com",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Subscriber(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def subscriber_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "listName": f"list-name-{n}",
        "email": f"user{n}@example.com",
    }
    payload.update(
        {
            {
                "list_name": "listName",
                "email_normalized": "emailNormalized",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_like(owned_by: User | None = None, **overrides: Any) -> Like:
    values: dict[str, Any] = {}
    if "user_id" not in overrides:
        values["user_id"] = (owned_by or await create_user()).id
    if "post_id" not in overrides:
        values["post_id"] = (await create_post(owned_by=owned_by)).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Like(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def like_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    if "post_id" not in overrides:
        payload["postId"] = (await create_post(owned_by=owned_by)).id
    payload.update(
        {
            {
                "user_id": "userId",
                "post_id": "postId",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload
