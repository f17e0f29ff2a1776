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
        "username": f"username-{n}",
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
        "username": f"username-{n}",
        "password": "Correct-Horse-7-Battery",
    }
    payload.update(
        {
            {
                "followers_count": "followersCount",
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
    }
    payload.update(
        {
            {
                "author_id": "authorId",
                "likes_count": "likesCount",
                "comments_count": "approvedComments",
                "top_rating": "topRating",
                "rating_total": "ratingTotal",
                "has_comments": "hasComments",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload


async def create_comment(owned_by: User | None = None, **overrides: Any) -> Comment:
    n = next(_counter)
    values: dict[str, Any] = {
        "body": f"body-{n}",
        "rating": 1,
    }
    if "post_id" not in overrides:
        values["post_id"] = (await create_post(owned_by=owned_by)).id
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
        "rating": 1,
        "approved": True,
    }
    if "post_id" not in overrides:
        payload["postId"] = (await create_post(owned_by=owned_by)).id
    payload.update(
        {
            {
                "post_id": "postId",
                "created_at": "createdAt",
                "updated_at": "updatedAt",
            }.get(key, key): value
            for key, value in overrides.items()
        }
    )
    return payload
