"""Computed fields of Article."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Table, insert

from app.core.db import SessionLocal
from app.models.associations import favorites, follows
from tests.factories import create_article, create_user
from tests.utils import quote_path, run, sign_in


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The Article as its get answers it to the caller of `headers`."""
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["article"]


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
        response = client.get("/articles", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()["articles"]
        rows += page
        if len(page) < 100:
            return {row["id"]: row for row in rows}


def test_article_favorited_is_true_for_the_linked_viewer_only(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    other, other_headers = sign_in(client)
    assert _read(client, row, headers)["favorited"] is False
    run(
        client,
        _link,
        table=favorites,
        values={"article_id": row.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["favorited"] is True
    assert _read(client, row, other_headers)["favorited"] is False
    assert _read(client, row, {})["favorited"] is False
    assert _listed(client, {}, headers)[row.id]["favorited"] is True
    assert _listed(client, {}, other_headers)[row.id]["favorited"] is False


def test_article_favorites_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    assert _read(client, row, headers)["favoritesCount"] == 0
    related = run(client, create_user)
    run(
        client,
        _link,
        table=favorites,
        values={"article_id": row.id, "user_id": related.id},
    )
    related = run(client, create_user)
    run(
        client,
        _link,
        table=favorites,
        values={"article_id": row.id, "user_id": related.id},
    )
    assert _read(client, row, headers)["favoritesCount"] == 2


def test_article_embeds_author_following_per_viewer(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, other_headers = sign_in(client)
    author, author_headers = sign_in(client)
    row = run(client, create_article, owned_by=author)
    linked = author
    assert _read(client, row, headers)["author"]["following"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": linked.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["author"]["following"] is True
    assert _read(client, row, other_headers)["author"]["following"] is False
    assert _listed(client, {}, headers)[row.id]["author"]["following"] is True
