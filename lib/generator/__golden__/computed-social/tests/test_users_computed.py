"""Computed fields of User."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Table, insert

from app.core.db import SessionLocal
from app.models.associations import users_follows
from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The User as its get answers it to the caller of `headers`."""
    response = client.get(f"/users/{quote_path(row.username)}", headers=headers)
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
        response = client.get("/users", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()["items"]
        rows += page
        if len(page) < 100:
            return {row["id"]: row for row in rows}


def test_user_followers_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    assert _read(client, row, headers)["followersCount"] == 0
    related = run(client, create_user)
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": row.id, "user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": row.id, "user_id": related.id},
    )
    assert _read(client, row, headers)["followersCount"] == 2


def test_user_following_is_true_for_the_linked_viewer_only(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_user)
    other, other_headers = sign_in(client)
    assert _read(client, row, headers)["following"] is False
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": row.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["following"] is True
    assert _read(client, row, other_headers)["following"] is False
    assert _read(client, row, {})["following"] is False
    assert _listed(client, {}, headers)[row.id]["following"] is True
    assert _listed(client, {}, other_headers)[row.id]["following"] is False


def test_list_users_sort_by_followers_count(client: TestClient) -> None:
    user, headers = sign_in(client)
    low = run(client, create_user)
    high = run(client, create_user)
    related = run(client, create_user)
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": low.id, "user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": high.id, "user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": high.id, "user_id": related.id},
    )
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed(client, {"sort": "followersCount"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed(client, {"sort": "-followersCount"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_me_answers_following_for_the_caller(client: TestClient) -> None:
    user, headers = sign_in(client)
    assert client.get("/auth/me", headers=headers).json()["following"] is False
    run(
        client,
        _link,
        table=users_follows,
        values={"related_user_id": user.id, "user_id": user.id},
    )
    assert client.get("/auth/me", headers=headers).json()["following"] is True
