"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.models.category import Category
from app.models.person import Person
from app.models.placement import Placement
from app.models.post import Post
from app.models.tag import Tag

_counter = itertools.count(1)


async def create_tag(**overrides: Any) -> Tag:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Tag(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def tag_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload


async def create_post(**overrides: Any) -> Post:
    n = next(_counter)
    values: dict[str, Any] = {
        "title": f"title-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Post(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def post_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "title": f"title-{n}",
    }
    payload.update(
        {{"tags": "tag_list"}.get(key, key): value for key, value in overrides.items()}
    )
    return payload


async def create_category(**overrides: Any) -> Category:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Category(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def category_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload


async def create_placement(**overrides: Any) -> Placement:
    values: dict[str, Any] = {}
    if "post_id" not in overrides:
        values["post_id"] = (await create_post()).id
    if "category_id" not in overrides:
        values["category_id"] = (await create_category()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Placement(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def placement_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "rank": 1,
    }
    if "post_id" not in overrides:
        payload["post_id"] = (await create_post()).id
    if "category_id" not in overrides:
        payload["category_id"] = (await create_category()).id
    payload.update(overrides)
    return payload


async def create_person(**overrides: Any) -> Person:
    n = next(_counter)
    values: dict[str, Any] = {
        "handle": f"handle-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Person(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def person_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "handle": f"handle-{n}",
    }
    payload.update(overrides)
    return payload
