"""Rows and request bodies for the tests, valid by construction."""

import itertools
from decimal import Decimal
from typing import Any

from app.core.db import SessionLocal
from app.core.security import hash_password
from app.models.order import Order
from app.models.order_line import OrderLine
from app.models.product import Product
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


async def create_product(owned_by: User | None = None, **overrides: Any) -> Product:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
        "slug": f"slug-{n}",
        "price": Decimal("1.00"),
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Product(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def product_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
        "slug": f"slug-{n}",
        "price": "1.00",
        "stock": 0,
        "active": True,
    }
    payload.update(overrides)
    return payload


async def create_order(owned_by: User | None = None, **overrides: Any) -> Order:
    values: dict[str, Any] = {}
    if "customer_id" not in overrides:
        values["customer_id"] = (owned_by or await create_user()).id
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
    payload: dict[str, Any] = {}
    payload.update(overrides)
    return payload


async def create_order_line(
    owned_by: User | None = None, **overrides: Any
) -> OrderLine:
    values: dict[str, Any] = {}
    if "order_id" not in overrides:
        values["order_id"] = (await create_order(owned_by=owned_by)).id
    if "product_id" not in overrides:
        values["product_id"] = (await create_product(owned_by=owned_by)).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = OrderLine(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def order_line_payload(
    owned_by: User | None = None, **overrides: Any
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "quantity": 1,
    }
    if "order_id" not in overrides:
        payload["order_id"] = (await create_order(owned_by=owned_by)).id
    if "product_id" not in overrides:
        payload["product_id"] = (await create_product(owned_by=owned_by)).id
    payload.update(overrides)
    return payload
