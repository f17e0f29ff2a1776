"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.author import Author
from app.models.blog_article import BlogArticle

_counter = itertools.count(1)


async def create_author(**overrides: Any) -> Author:
    n = next(_counter)
    values: dict[str, Any] = {
        "username": f"username-{n}",
        "display_name": f"display-name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Author(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def author_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "username": f"username-{n}",
        "handle": f"display-name-{n}",
    }
    payload.update(
        {
            {
                "display_name": "handle",
                "short_bio": "shortBio",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_blog_article(**overrides: Any) -> BlogArticle:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
        "body_text": f"body-text-{n}",
    }
    if "written_by_id" not in overrides:
        values["written_by_id"] = (await create_author()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = BlogArticle(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def blog_article_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
        "bodyText": f"body-text-{n}",
        "viewCount": 1,
    }
    if "written_by_id" not in overrides:
        payload["writtenById"] = (await create_author()).id
    payload.update(
        {
            {
                "body_text": "bodyText",
                "view_count": "viewCount",
                "published_at": "publishedAt",
                "written_by_id": "writtenById",
                "written_by": "writtenBy",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload
