"""Actions of Article: /articles."""

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from app.api.actions import add_link
from app.core.db import SessionLocal, engine, utc_now
from app.models.article import Article
from app.models.associations import articles_tags, favorites
from tests.factories import create_article, create_tag
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


async def _tags_article_links(row_id: Any, other_id: Any) -> int:
    async with SessionLocal() as session:
        statement = (
            select(func.count())
            .select_from(articles_tags)
            .where(
                articles_tags.c.article_id == row_id, articles_tags.c.tag_id == other_id
            )
        )
        return int((await session.execute(statement)).scalar_one())


async def _tags_article_twice_at_once(row_id: Any, other_id: Any) -> None:
    """The second add passes the existence check before the first commits."""
    values = {"article_id": row_id, "tag_id": other_id}
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    async with (
        SessionLocal() as first,
        SessionLocal() as second,
        SessionLocal() as watch,
    ):
        await add_link(first, articles_tags, values)
        racing = asyncio.ensure_future(add_link(second, articles_tags, values))
        # Until the second insert waits on the first one's row lock (bounded).
        for _ in range(500):
            if racing.done() or (await watch.execute(waiting)).scalar_one() > 0:
                break
            await asyncio.sleep(0.01)
        await first.commit()
        await racing
        await second.commit()


async def _stored_article(row_id: Any) -> Article:
    async with SessionLocal() as session:
        statement = select(Article).where(Article.id == row_id)
        return (await session.execute(statement)).scalar_one()


def test_favorite_article_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    response = client.post(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1


def test_unfavorite_article_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
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
    assert response.json()["id"] == row.id
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0


def test_favorite_article_links_each_caller_alone(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
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
    row = run(client, create_article, published=True)
    run(client, _favorite_article_twice_at_once, row_id=row.id, other_id=user.id)
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 1


def test_favorite_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
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


def test_favorite_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=False)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/favorite", headers=headers
    )
    assert response.status_code == 404
    assert run(client, _favorite_article_links, row_id=row.id, other_id=user.id) == 0


def test_tags_article_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other = run(client, create_tag)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    response = client.post(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 1


def test_untags_article_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other = run(client, create_tag)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
            headers=headers,
        ).status_code
        == 200
    )
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 1
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 0
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 0


def test_tags_article_missing_other_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/tags/no-such-value-zz", headers=headers
    )
    assert response.status_code == 404
    assert (
        client.delete(
            f"/articles/{quote_path(row.slug)}/tags/no-such-value-zz", headers=headers
        ).status_code
        == 404
    )


@pytest.mark.skipif(
    engine.dialect.name != "postgresql", reason="SQLite serialises writers"
)
def test_tags_article_twice_at_once_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other = run(client, create_tag)
    run(client, _tags_article_twice_at_once, row_id=row.id, other_id=other.id)
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 1


def test_tags_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other = run(client, create_tag)
    assert (
        client.post(
            f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
            headers={},
        ).status_code
        == 401
    )
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 0


def test_tags_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    other = run(client, create_tag)
    response = client.post(
        f"/articles/no-such-value-zz/tags/{quote_path(other.name)}", headers=headers
    )
    assert response.status_code == 404


def test_tags_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    other = run(client, create_tag)
    response = client.post(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 404
    assert run(client, _tags_article_links, row_id=row.id, other_id=other.id) == 0


def test_untags_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other = run(client, create_tag)
    assert (
        client.delete(
            f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
            headers={},
        ).status_code
        == 401
    )


def test_untags_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    other = run(client, create_tag)
    response = client.delete(
        f"/articles/no-such-value-zz/tags/{quote_path(other.name)}", headers=headers
    )
    assert response.status_code == 404


def test_untags_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    other = run(client, create_tag)
    response = client.delete(
        f"/articles/{quote_path(row.slug)}/tags/{quote_path(other.name)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_publish_article_sets_the_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=False, owned_by=user)
    started = utc_now()
    response = client.post(f"/articles/{quote_path(row.slug)}/publish", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    stored = run(client, _stored_article, row_id=row.id)
    assert stored.published is True
    assert stored.published_at is not None and stored.published_at >= started


def test_publish_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=False, owned_by=user)
    assert (
        client.post(f"/articles/{quote_path(row.slug)}/publish", headers={}).status_code
        == 401
    )
    assert run(client, _stored_article, row_id=row.id).published is False


def test_publish_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles/no-such-value-zz/publish", headers=headers)
    assert response.status_code == 404


def test_publish_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=False)
    response = client.post(f"/articles/{quote_path(row.slug)}/publish", headers=headers)
    assert response.status_code == 404
    assert run(client, _stored_article, row_id=row.id).published is False


def test_claim_article_sets_the_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
    response = client.put(f"/articles/{quote_path(row.slug)}/claim", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    stored = run(client, _stored_article, row_id=row.id)
    assert stored.editor_id == user.id


def test_claim_article_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=True)
    assert (
        client.put(f"/articles/{quote_path(row.slug)}/claim", headers={}).status_code
        == 401
    )


def test_claim_article_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.put("/articles/no-such-value-zz/claim", headers=headers)
    assert response.status_code == 404


def test_claim_article_row_not_the_callers_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, published=False)
    response = client.put(f"/articles/{quote_path(row.slug)}/claim", headers=headers)
    assert response.status_code == 404
