"""Actions of Post: /posts."""

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from app.api.actions import add_link
from app.core.db import SessionLocal, engine
from app.models.associations import likes
from tests.factories import create_post
from tests.utils import quote_path, run, sign_in


async def _like_post_links(row_id: Any, other_id: Any) -> int:
    async with SessionLocal() as session:
        statement = (
            select(func.count())
            .select_from(likes)
            .where(likes.c.post_id == row_id, likes.c.user_id == other_id)
        )
        return int((await session.execute(statement)).scalar_one())


async def _like_post_twice_at_once(row_id: Any, other_id: Any) -> None:
    """The second add passes the existence check before the first commits."""
    values = {"post_id": row_id, "user_id": other_id}
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    async with (
        SessionLocal() as first,
        SessionLocal() as second,
        SessionLocal() as watch,
    ):
        await add_link(first, likes, values)
        racing = asyncio.ensure_future(add_link(second, likes, values))
        # Until the second insert waits on the first one's row lock (bounded).
        for _ in range(500):
            if racing.done() or (await watch.execute(waiting)).scalar_one() > 0:
                break
            await asyncio.sleep(0.01)
        await first.commit()
        await racing
        await second.commit()


def test_like_post_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    response = client.post(f"/posts/{quote_path(row.id)}/like", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    assert response.json()["likes_count"] == 1
    assert response.json()["liked"] is True
    response = client.post(f"/posts/{quote_path(row.id)}/like", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["likes_count"] == 1
    assert response.json()["liked"] is True
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 1


def test_unlike_post_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    assert (
        client.post(f"/posts/{quote_path(row.id)}/like", headers=headers).status_code
        == 200
    )
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 1
    response = client.delete(f"/posts/{quote_path(row.id)}/like", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    assert response.json()["likes_count"] == 0
    assert response.json()["liked"] is False
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 0
    response = client.delete(f"/posts/{quote_path(row.id)}/like", headers=headers)
    assert response.status_code == 200, response.text
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 0


def test_like_post_links_each_caller_alone(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    second, second_headers = sign_in(client)
    assert (
        client.post(f"/posts/{quote_path(row.id)}/like", headers=headers).status_code
        == 200
    )
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 1
    assert run(client, _like_post_links, row_id=row.id, other_id=second.id) == 0
    assert (
        client.delete(
            f"/posts/{quote_path(row.id)}/like", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 1
    assert (
        client.post(
            f"/posts/{quote_path(row.id)}/like", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _like_post_links, row_id=row.id, other_id=second.id) == 1


@pytest.mark.skipif(
    engine.dialect.name != "postgresql", reason="SQLite serialises writers"
)
def test_like_post_twice_at_once_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    run(client, _like_post_twice_at_once, row_id=row.id, other_id=user.id)
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 1


def test_like_post_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    assert (
        client.post(f"/posts/{quote_path(row.id)}/like", headers={}).status_code == 401
    )
    assert run(client, _like_post_links, row_id=row.id, other_id=user.id) == 0


def test_like_post_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/posts/999999999/like", headers=headers)
    assert response.status_code == 404
