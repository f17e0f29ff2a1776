"""Actions of User: /profiles."""

import asyncio
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text

from app.api.actions import add_link
from app.core.db import SessionLocal, engine
from app.models.associations import follows
from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


async def _follow_user_links(row_id: Any, other_id: Any) -> int:
    async with SessionLocal() as session:
        statement = (
            select(func.count())
            .select_from(follows)
            .where(follows.c.related_user_id == row_id, follows.c.user_id == other_id)
        )
        return int((await session.execute(statement)).scalar_one())


async def _follow_user_twice_at_once(row_id: Any, other_id: Any) -> None:
    """The second add passes the existence check before the first commits."""
    values = {"related_user_id": row_id, "user_id": other_id}
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    async with (
        SessionLocal() as first,
        SessionLocal() as second,
        SessionLocal() as watch,
    ):
        await add_link(first, follows, values)
        racing = asyncio.ensure_future(add_link(second, follows, values))
        # Until the second insert waits on the first one's row lock (bounded).
        for _ in range(500):
            if racing.done() or (await watch.execute(waiting)).scalar_one() > 0:
                break
            await asyncio.sleep(0.01)
        await first.commit()
        await racing
        await second.commit()


def test_follow_user_twice_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    response = client.post(
        f"/profiles/{quote_path(row.username)}/follow", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["profile"]["id"] == row.id
    assert response.json()["profile"]["following"] is True
    response = client.post(
        f"/profiles/{quote_path(row.username)}/follow", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["profile"]["following"] is True
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 1


def test_unfollow_user_twice_is_fine(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    assert (
        client.post(
            f"/profiles/{quote_path(row.username)}/follow", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 1
    response = client.delete(
        f"/profiles/{quote_path(row.username)}/follow", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["profile"]["id"] == row.id
    assert response.json()["profile"]["following"] is False
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 0
    response = client.delete(
        f"/profiles/{quote_path(row.username)}/follow", headers=headers
    )
    assert response.status_code == 200, response.text
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 0


def test_follow_user_links_each_caller_alone(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    second, second_headers = sign_in(client)
    assert (
        client.post(
            f"/profiles/{quote_path(row.username)}/follow", headers=headers
        ).status_code
        == 200
    )
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 1
    assert run(client, _follow_user_links, row_id=row.id, other_id=second.id) == 0
    assert (
        client.delete(
            f"/profiles/{quote_path(row.username)}/follow", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 1
    assert (
        client.post(
            f"/profiles/{quote_path(row.username)}/follow", headers=second_headers
        ).status_code
        == 200
    )
    assert run(client, _follow_user_links, row_id=row.id, other_id=second.id) == 1


@pytest.mark.skipif(
    engine.dialect.name != "postgresql", reason="SQLite serialises writers"
)
def test_follow_user_twice_at_once_keeps_one_link(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    run(client, _follow_user_twice_at_once, row_id=row.id, other_id=user.id)
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 1


def test_follow_user_needs_a_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    assert (
        client.post(
            f"/profiles/{quote_path(row.username)}/follow", headers={}
        ).status_code
        == 401
    )
    assert run(client, _follow_user_links, row_id=row.id, other_id=user.id) == 0


def test_follow_user_missing_row_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/profiles/no-such-value-zz/follow", headers=headers)
    assert response.status_code == 404
