"""Value lists of Article: related rows found by value, or created."""

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
from tests.factories import article_payload
from tests.utils import assert_error, quote_path, run, sign_in

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


def test_create_article_tags_sorted_without_duplicates(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [b, a, a]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["article"]
    assert created["tagList"] == sorted({a, b})
    stored = client.get(f"/articles/{quote_path(created['slug'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["article"]["tagList"] == sorted({a, b})


def test_create_article_tags_reuses_known_values(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    second = response.json()["article"]
    assert second["tagList"] == sorted({a, b})
    assert run(client, _tags_stored, value=a) == 1
    assert run(client, _tags_stored, value=b) == 1


def test_create_article_tags_created_once_by_concurrent_requests(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    bodies = [run(client, article_payload, owned_by=user) for _ in range(8)]
    for i, body in enumerate(bodies):
        body["tagList"] = [a, _tags_value(base + 10 + i)]

    async def create_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test"
        ) as racing:
            responses = await asyncio.gather(
                *(
                    racing.post("/articles", json={"article": body}, headers=headers)
                    for body in bodies
                )
            )
        return [response.status_code for response in responses]

    assert run(client, create_all) == [201] * 8
    assert run(client, _tags_stored, value=a) == 1


def test_create_article_tags_empty_by_default(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["article"]["tagList"] == []


def test_create_article_tags_refuses_invalid_values(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    bad = "x" * 61
    before = run(client, _tags_stored)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, bad]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422, response.text
    assert_error(response, 422)
    assert "tagList" in response.json()["errors"], response.text
    assert run(client, _tags_stored) == before


def test_create_article_tags_refuses_too_many_values(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [_tags_value(base + i) for i in range(101)]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422, response.text
    assert_error(response, 422)
    assert "tagList" in response.json()["errors"], response.text


def test_create_article_tags_replaced_by_update_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["article"]
    whole = run(client, article_payload, owned_by=user)
    whole["tagList"] = [c, b]
    response = client.put(
        f"/articles/{quote_path(created['slug'])}",
        json={"article": whole},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    updated = response.json()["article"]
    assert updated["tagList"] == sorted({b, c})
    stored = client.get(f"/articles/{quote_path(updated['slug'])}", headers=headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["article"]["tagList"] == sorted({b, c})
    assert run(client, _tags_stored, value=a) == 1


def test_create_article_tags_emptied_by_update_article_without_it(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["article"]
    whole = run(client, article_payload, owned_by=user)
    response = client.put(
        f"/articles/{quote_path(created['slug'])}",
        json={"article": whole},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["tagList"] == []


def test_create_article_tags_loaded_without_a_query_per_row(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    small = _statements(
        lambda: client.get("/articles", params={"limit": 1}, headers=headers)
    )
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [b, c]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [b, c]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [b, c]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    large = _statements(
        lambda: client.get("/articles", params={"limit": 6}, headers=headers)
    )
    assert large == small


def test_create_article_tags_filtered_by_tag(client: TestClient) -> None:
    user, headers = sign_in(client)
    base = 100_000 + next(_counter) * 200
    a = _tags_value(base + 1)
    b = _tags_value(base + 2)
    c = _tags_value(base + 3)
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [a, b]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    tagged = response.json()["article"]
    body = run(client, article_payload, owned_by=user)
    body["tagList"] = [c]
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    response = client.get("/articles", params={"tag": a}, headers=headers)
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["articles"]] == [tagged["id"]]
