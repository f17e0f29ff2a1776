"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.article import Article
from app.models.bookmark import Bookmark
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
    payload.update(
        {
            {
                "current_password": "currentPassword",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_article(owned_by: User | None = None, **overrides: Any) -> Article:
    n = next(_counter)
    values: dict[str, Any] = {
        "slug": f"slug-{n}",
    }
    if "author_id" not in overrides:
        values["author_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Article(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def article_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "slug": f"slug-{n}",
    }
    payload.update(
        {
            {
                "author_id": "authorId",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_bookmark(owned_by: User | None = None, **overrides: Any) -> Bookmark:
    values: dict[str, Any] = {}
    if "article_id" not in overrides:
        values["article_id"] = (await create_article(owned_by=owned_by)).id
    if "user_id" not in overrides:
        values["user_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Bookmark(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def bookmark_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    if "article_id" not in overrides:
        payload["articleId"] = str((await create_article(owned_by=owned_by)).id)
    if "user_id" not in overrides:
        payload["userId"] = str((owned_by or await create_user()).id)
    payload.update(
        {
            {
                "article_id": "articleId",
                "user_id": "userId",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload
