"""Actions of Article: /articles."""

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from app.api.actions import add_link
from app.core.db import SessionLocal, engine
from app.models.associations import favorites
from tests.factories import create_article
from tests.utils import quote_path, run, sign_in


async def _favorite_article_links(row_id: Any, other_id: Any) -> int:
    async with SessionLocal() as session:
        statement = (
            select(func.count())
            .select_from(favorites)
            .where(favorites.c.article_id == row_id, favorites.c.user_id == other_id)
        )
        return int((await session.execute(statement)).scalar_one())


async def _favorite_article_twice_at_once(row_id: Any, other_id: Any) -> None:
    """The second add passes the existence check before the first commits."""
    values = {"article_id": row_id, "user_id": other_id}
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    async with (
        SessionLocal() as first,
        SessionLocal() as second,
        SessionLocal() as watch,
    ):
        await add_link(first, favorites, values)
        racing = asyncio.ensure_future(add_link(second, favorites, values))
        # Until the second insert waits on the first one's row lock (bounded).
        for _ in range(500):
            if racing.done() or (await watch.execute(waiting)).scalar_one() > 0:
                break
            await asyncio.sleep(0.01)
        await first.commit()
        await racing
        await second.commit()


def test_favorite_article_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == row.id
    assert response.json()["article"]["favorited"] is True
    assert response.json()["article"]["favoritesCount"] == 1
    response = client.post(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["favorited"] is True
    assert response.json()["article"]["favoritesCount"] == 1
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1


def test_unfavorite_article_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/favorite", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == row.id
    assert response.json()["article"]["favorited"] is False
    assert response.json()["article"]["favoritesCount"] == 0
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0


def test_favorite_article_links_each_caller_alone(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    second, second_headers = sign_in(client)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/favorite", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1
    assert run(client, _favorite_article_links, row_id=row.id, other_id=second.id) == 0
    assert (
        client.delete(
            f"/articles/{quote_path(row.slug)}/favorite", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/favorite", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _favorite_article_links, row_id=row.id, other_id=second.id) == 1


@pytest.mark.skipif(
    engine.dialect.name != "postgresql", reason="SQLite serialises writers"
)
def test_favorite_article_twice_at_once_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    run(client, _favorite_article_twice_at_once, row_id=row.id, other_id=user.id)
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1


def test_favorite_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/favorite", headers={}
        ).status_code
        == 401
    )
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0


def test_favorite_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles/no-such-value-zz/favorite", headers=headers)
    assert response.status_code == 404
