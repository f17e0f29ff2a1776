"""Rows and request bodies for the tests, valid by construction."""

import itertools
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.article import Article
from app.models.company import Company
from app.models.link import Link
from app.models.order import Order
from app.models.page import Page
from app.models.profile import Profile
from app.models.user import User

_counter = itertools.count(1)


async def create_user(**overrides: Any) -> User:
    n = next(_counter)
    values: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": hash_password("Correct-Horse-7-Battery"),
        "username": f"username-{n}",
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
        "username": f"username-{n}",
    }
    payload.update(overrides)
    return payload


async def create_article(owned_by: User | None = None, **overrides: Any) -> Article:
    n = next(_counter)
    values: dict[str, Any] = {
        "slug": f"slug-{n}",
        "title": f"title-{n}",
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
        "title": f"title-{n}",
        "published": True,
    }
    payload.update(overrides)
    return payload


async def create_order(owned_by: User | None = None, **overrides: Any) -> Order:
    n = next(_counter)
    values: dict[str, Any] = {
        "item": f"item-{n}",
        "quantity": 1,
    }
    if "owner_id" not in overrides:
        values["owner_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Order(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def order_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "item": f"item-{n}",
        "quantity": 1,
    }
    payload.update(overrides)
    return payload


async def create_profile(owned_by: User | None = None, **overrides: Any) -> Profile:
    n = next(_counter)
    values: dict[str, Any] = {
        "headline": f"headline-{n}",
    }
    if "user_id" not in overrides:
        values["user_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Profile(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        await session.refresh(row, ["user"])
        return row


async def profile_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "headline": f"headline-{n}",
    }
    payload.update(overrides)
    return payload


async def create_company(owned_by: User | None = None, **overrides: Any) -> Company:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    if "owner_id" not in overrides:
        values["owner_id"] = (owned_by or await create_user()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Company(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def company_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload


async def create_page(owned_by: User | None = None, **overrides: Any) -> Page:
    n = next(_counter)
    values: dict[str, Any] = {
        "headline": f"headline-{n}",
    }
    if "company_id" not in overrides:
        values["company_id"] = (await create_company(owned_by=owned_by)).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Page(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        await session.refresh(row, ["company"])
        return row


async def page_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "headline": f"headline-{n}",
    }
    if "company_id" not in overrides:
        payload["company_id"] = (await create_company(owned_by=owned_by)).id
    payload.update(overrides)
    return payload


async def create_link(owned_by: User | None = None, **overrides: Any) -> Link:
    n = next(_counter)
    values: dict[str, Any] = {
        "url": f"https://example.com/{n}",
    }
    if "page_id" not in overrides:
        values["page_id"] = (await create_page(owned_by=owned_by)).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Link(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def link_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "url": f"https://example.com/{n}",
    }
    payload.update(overrides)
    return payload
