"""Value lists of Post: related rows found by value, or created."""

import asyncio
import itertools
from collections.abc import Callable
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select

from app.core.db import SessionLocal, engine
from app.main import app
from app.models.tag import Tag
from tests.factories import create_category, create_placement, create_post, post_payload
from tests.utils import quote_path, run

_counter = itertools.count(1)


def _tags_value(n: int) -> str:
    return f"name-{n}"


async def _tags_stored(value: str | None = None) -> int:
    """How many related rows hold `value` (all of them without one)."""
    statement = select(func.count()).select_from(Tag)
    if value is not None:
        statement = statement.where(Tag.name == value)
    async with SessionLocal() as session:
        return (await session.execute(statement)).scalar_one()


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


def test_get_post_shows_categories(client: TestClient) -> None:
    row = run(client, create_post)
    first = run(client, create_category)
    second = run(client, create_category)
    for linked in (first, second):
        run(client, create_placement, post_id=row.id, category_id=linked.id)
    response = client.get(f"/posts/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    shown = response.json()["categories"]
    assert shown == sorted([first.name, second.name])


def test_create_post_tags_sorted_without_duplicates(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, post_payload)
    body["tag_list"] = [b, a, a]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["tag_list"] == sorted({a, b})
    stored = client.get(f"/posts/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["tag_list"] == sorted({a, b})


def test_create_post_tags_reuses_known_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, post_payload)
    body["tag_list"] = [a]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    second = response.json()
    assert second["tag_list"] == sorted({a, b})
    assert run(client, _tags_stored, value=a) == 1
    assert run(client, _tags_stored, value=b) == 1


def test_create_post_tags_created_once_by_concurrent_requests(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    bodies = [run(client, post_payload) for _ in range(8)]
    for i, body in enumerate(bodies):
        body["tag_list"] = [a, _tags_value(base + 10 + i)]

    async def create_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test"
        ) as racing:
            responses = await asyncio.gather(
                *(racing.post("/posts", json=body, headers=headers) for body in bodies)
            )
        return [response.status_code for response in responses]

    assert run(client, create_all) == [201] * 8
    assert run(client, _tags_stored, value=a) == 1


def test_create_post_tags_empty_by_default(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, post_payload)
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["tag_list"] == []


def test_create_post_tags_refuses_invalid_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    bad = "x" * 21
    before = run(client, _tags_stored)
    body = run(client, post_payload)
    body["tag_list"] = [a, bad]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert any("tag_list" in item["loc"] for item in response.json()["detail"]), (
        response.text
    )
    assert run(client, _tags_stored) == before


def test_create_post_tags_refuses_too_many_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    body = run(client, post_payload)
    body["tag_list"] = [_tags_value(base + i) for i in range(101)]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert any("tag_list" in item["loc"] for item in response.json()["detail"]), (
        response.text
    )


def test_create_post_tags_replaced_by_update_post(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/posts/{quote_path(created['id'])}",
        json={"tag_list": [c, b]},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["tag_list"] == sorted({b, c})
    stored = client.get(f"/posts/{quote_path(updated['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["tag_list"] == sorted({b, c})
    assert run(client, _tags_stored, value=a) == 1


def test_create_post_tags_kept_by_update_post_without_it(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/posts/{quote_path(created['id'])}", json={}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["tag_list"] == sorted({a, b})


def test_create_post_tags_replaced_by_replace_post(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    whole = run(client, post_payload)
    whole["tag_list"] = [c, b]
    response = client.put(
        f"/posts/{quote_path(created['id'])}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["tag_list"] == sorted({b, c})
    stored = client.get(f"/posts/{quote_path(updated['id'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["tag_list"] == sorted({b, c})
    assert run(client, _tags_stored, value=a) == 1


def test_create_post_tags_emptied_by_replace_post_without_it(
    client: TestClient,
) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    whole = run(client, post_payload)
    response = client.put(
        f"/posts/{quote_path(created['id'])}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["tag_list"] == []


def test_create_post_tags_loaded_without_a_query_per_row(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    small = _statements(
        lambda: client.get("/posts", params={"limit": 1}, headers=headers)
    )
    body = run(client, post_payload)
    body["tag_list"] = [b, c]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, post_payload)
    body["tag_list"] = [b, c]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, post_payload)
    body["tag_list"] = [b, c]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    large = _statements(
        lambda: client.get("/posts", params={"limit": 6}, headers=headers)
    )
    assert large == small


def test_create_post_tags_filtered_by_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, post_payload)
    body["tag_list"] = [a, b]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    tagged = response.json()
    body = run(client, post_payload)
    body["tag_list"] = [c]
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    response = client.get("/posts", params={"tag": a}, headers=headers)
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [tagged["id"]]
