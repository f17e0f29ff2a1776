"""Rows and request bodies for the tests, valid by construction."""

import itertools
from decimal import Decimal
from typing import Any

from app.core.db import SessionLocal
from app.models.category import Category
from app.models.course import Course
from app.models.enrollment import Enrollment
from app.models.product import Product
from app.models.student import Student

_counter = itertools.count(1)


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


async def create_product(**overrides: Any) -> Product:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
        "price": Decimal("1.00"),
    }
    if "category_id" not in overrides:
        values["category_id"] = (await create_category()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Product(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def product_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
        "price": "1.00",
        "stocked": True,
    }
    if "category_id" not in overrides:
        payload["category_id"] = (await create_category()).id
    payload.update(overrides)
    return payload


async def create_student(**overrides: Any) -> Student:
    n = next(_counter)
    values: dict[str, Any] = {
        "name": f"name-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Student(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def student_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "name": f"name-{n}",
    }
    payload.update(overrides)
    return payload


async def create_course(**overrides: Any) -> Course:
    n = next(_counter)
    values: dict[str, Any] = {
        "code": f"code-{n}",
    }
    values.update(overrides)
    async with SessionLocal() as session:
        row = Course(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def course_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    payload: dict[str, Any] = {
        "code": f"code-{n}",
    }
    payload.update(overrides)
    return payload


async def create_enrollment(**overrides: Any) -> Enrollment:
    values: dict[str, Any] = {
        "grade": 0,
    }
    if "student_id" not in overrides:
        values["student_id"] = (await create_student()).id
    if "course_id" not in overrides:
        values["course_id"] = (await create_course()).id
    values.update(overrides)
    async with SessionLocal() as session:
        row = Enrollment(**values)
        session.add(row)
        await session.commit()
        await session.refresh(row)
        return row


async def enrollment_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "grade": 0,
    }
    if "student_id" not in overrides:
        payload["student_id"] = (await create_student()).id
    if "course_id" not in overrides:
        payload["course_id"] = (await create_course()).id
    payload.update(overrides)
    return payload
