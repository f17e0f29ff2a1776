"""Value lists of Person: related rows found by value, or created."""

import asyncio
import itertools
from collections.abc import Callable
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.orm import selectinload

from app.core.db import SessionLocal, engine
from app.main import app
from app.models.person import Person
from tests.factories import create_person, person_payload
from tests.utils import quote_path, run

_counter = itertools.count(1)


def _follows_value(n: int) -> str:
    return f"handle-{n}"


async def _follows_stored(value: str | None = None) -> int:
    """How many related rows hold `value` (all of them without one)."""
    statement = select(func.count()).select_from(Person)
    if value is not None:
        statement = statement.where(Person.handle == value)
    async with SessionLocal() as session:
        return (await session.execute(statement)).scalar_one()


async def _link_followers(row_id: Any, ids: list[Any]) -> None:
    async with SessionLocal() as session:
        statement = select(Person).where(Person.id == row_id)
        loaded = statement.options(selectinload(Person.followers))
        row = (await session.execute(loaded)).scalar_one()
        targets = await session.execute(select(Person).where(Person.id.in_(ids)))
        row.followers = list(targets.scalars())
        await session.commit()


def _statements(request: Callable[[], httpx.Response]) -> int:
    count = 0

    def counted(*_: Any) -> None:
        nonlocal count
        count += 1

    event.listen(engine.sync_engine, "before_cursor_execute", counted)
    try:
        response = request()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counted)
    assert response.status_code == 200, response.text
    return count


def test_get_person_shows_followers(client: TestClient) -> None:
    row = run(client, create_person)
    first = run(client, create_person)
    second = run(client, create_person)
    run(client, _link_followers, row_id=row.id, ids=[first.id, second.id])
    response = client.get(f"/people/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    shown = response.json()["followers"]
    assert shown == sorted([first.handle, second.handle])


def test_create_person_follows_sorted_without_duplicates(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    body = run(client, person_payload)
    body["follows"] = [b, a, a]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["follows"] == sorted({a, b})
    stored = client.get(f"/people/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["follows"] == sorted({a, b})


def test_create_person_follows_reuses_known_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    body = run(client, person_payload)
    body["follows"] = [a]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    second = response.json()
    assert second["follows"] == sorted({a, b})
    assert run(client, _follows_stored, value=a) == 1
    assert run(client, _follows_stored, value=b) == 1


def test_create_person_follows_created_once_by_concurrent_requests(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    bodies = [run(client, person_payload) for _ in range(8)]
    for i, body in enumerate(bodies):
        body["follows"] = [a, _follows_value(base + 10 + i)]

    async def create_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test"
        ) as racing:
            responses = await asyncio.gather(
                *(racing.post("/people", json=body, headers=headers) for body in bodies)
            )
        return [response.status_code for response in responses]

    assert run(client, create_all) == [201] * 8
    assert run(client, _follows_stored, value=a) == 1


def test_create_person_follows_empty_by_default(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, person_payload)
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["follows"] == []


def test_create_person_follows_refuses_invalid_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    bad = "x" * 31
    before = run(client, _follows_stored)
    body = run(client, person_payload)
    body["follows"] = [a, bad]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert any("follows" in item["loc"] for item in response.json()["detail"]), (
        response.text
    )
    assert run(client, _follows_stored) == before


def test_create_person_follows_refuses_too_many_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    body = run(client, person_payload)
    body["follows"] = [_follows_value(base + i) for i in range(101)]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert any("follows" in item["loc"] for item in response.json()["detail"]), (
        response.text
    )


def test_create_person_follows_replaced_by_update_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    c = _follows_value(base + 3)
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/people/{quote_path(created['id'])}",
        json={"follows": [c, b]},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["follows"] == sorted({b, c})
    stored = client.get(f"/people/{quote_path(updated['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["follows"] == sorted({b, c})
    assert run(client, _follows_stored, value=a) == 1


def test_create_person_follows_kept_by_update_person_without_it(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/people/{quote_path(created['id'])}", json={}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["follows"] == sorted({a, b})


def test_create_person_follows_replaced_by_replace_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    c = _follows_value(base + 3)
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    whole = run(client, person_payload)
    whole["follows"] = [c, b]
    response = client.put(
        f"/people/{quote_path(created['id'])}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["follows"] == sorted({b, c})
    stored = client.get(f"/people/{quote_path(updated['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["follows"] == sorted({b, c})
    assert run(client, _follows_stored, value=a) == 1


def test_create_person_follows_emptied_by_replace_person_without_it(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    whole = run(client, person_payload)
    response = client.put(
        f"/people/{quote_path(created['id'])}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["follows"] == []


def test_create_person_follows_loaded_without_a_query_per_row(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _follows_value(base + 1)
    b = _follows_value(base + 2)
    c = _follows_value(base + 3)
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, person_payload)
    body["follows"] = [a, b]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    small = _statements(
        lambda: client.get("/people", params={"limit": 1}, headers=headers)
    )
    body = run(client, person_payload)
    body["follows"] = [b, c]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, person_payload)
    body["follows"] = [b, c]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, person_payload)
    body["follows"] = [b, c]
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    large = _statements(
        lambda: client.get("/people", params={"limit": 6}, headers=headers)
    )
    assert large == small
