"""Computed fields of User."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Table, insert

from app.core.db import SessionLocal
from app.models.associations import follows
from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The User as its get answers it to the caller of `headers`."""
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _link(table: Table, values: dict[str, Any]) -> None:
    """Links two rows through an association table."""
    async with SessionLocal() as session:
        await session.execute(insert(table).values(**values))
        await session.commit()


def _listed(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> dict[Any, Any]:
    """Every row the list answers for `params`, in order, by id."""
    rows: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(rows)}
        response = client.get("/profiles", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()["items"]
        rows += page
        if len(page) < 100:
            return {row["id"]: row for row in rows}


def test_user_followers_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    assert _read(client, row, headers)["followers_count"] == 0
    related = run(client, create_user)
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": row.id, "user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": row.id, "user_id": related.id},
    )
    assert _read(client, row, headers)["followers_count"] == 2


def test_user_following_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    assert _read(client, row, headers)["following_count"] == 0
    related = run(client, create_user)
    run(
        client,
        _link,
        table=follows,
        values={"user_id": row.id, "related_user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=follows,
        values={"user_id": row.id, "related_user_id": related.id},
    )
    assert _read(client, row, headers)["following_count"] == 2


def test_user_followed_is_true_for_the_linked_viewer_only(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    other, other_headers = sign_in(client)
    assert _read(client, row, headers)["followed"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": row.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["followed"] is True
    assert _read(client, row, other_headers)["followed"] is False
    assert _read(client, row, {})["followed"] is False
    assert _listed(client, {}, headers)[row.id]["followed"] is True
    assert _listed(client, {}, other_headers)[row.id]["followed"] is False


def test_me_answers_followed_for_the_caller(client: TestClient) -> None:
    user, headers = sign_in(client)
    assert client.get("/auth/me", headers=headers).json()["followed"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": user.id, "user_id": user.id},
    )
    assert client.get("/auth/me", headers=headers).json()["followed"] is True
