"""Computed fields of Post."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Table, insert

from app.core.db import SessionLocal
from app.models.associations import follows, likes
from tests.factories import create_comment, create_post, create_user
from tests.utils import quote_path, run, sign_in


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The Post as its get answers it to the caller of `headers`."""
    response = client.get(f"/posts/{quote_path(row.id)}", headers=headers)
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
        response = client.get("/posts", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()["items"]
        rows += page
        if len(page) < 100:
            return {row["id"]: row for row in rows}


def test_post_likes_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    assert _read(client, row, headers)["likes_count"] == 0
    related = run(client, create_user)
    run(client, _link, table=likes, values={"post_id": row.id, "user_id": related.id})
    related = run(client, create_user)
    run(client, _link, table=likes, values={"post_id": row.id, "user_id": related.id})
    assert _read(client, row, headers)["likes_count"] == 2


def test_post_liked_is_true_for_the_linked_viewer_only(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    other, other_headers = sign_in(client)
    assert _read(client, row, headers)["liked"] is False
    run(client, _link, table=likes, values={"post_id": row.id, "user_id": user.id})
    assert _read(client, row, headers)["liked"] is True
    assert _read(client, row, other_headers)["liked"] is False
    assert _read(client, row, {})["liked"] is False
    assert _listed(client, {}, headers)[row.id]["liked"] is True
    assert _listed(client, {}, other_headers)[row.id]["liked"] is False


def test_post_comments_count_follows_the_related_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    assert _read(client, row, headers)["comments_count"] == 0
    run(client, create_comment, owned_by=user, post_id=row.id)
    run(client, create_comment, owned_by=user, post_id=row.id)
    assert _read(client, row, headers)["comments_count"] == 2


def test_list_posts_sort_by_likes_count(client: TestClient) -> None:
    user, headers = sign_in(client)
    low = run(client, create_post, owned_by=user)
    high = run(client, create_post, owned_by=user)
    related = run(client, create_user)
    run(client, _link, table=likes, values={"post_id": low.id, "user_id": related.id})
    related = run(client, create_user)
    run(client, _link, table=likes, values={"post_id": high.id, "user_id": related.id})
    related = run(client, create_user)
    run(client, _link, table=likes, values={"post_id": high.id, "user_id": related.id})
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed(client, {"sort": "likes_count"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed(client, {"sort": "-likes_count"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_post_embeds_author_followed_per_viewer(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, other_headers = sign_in(client)
    author, author_headers = sign_in(client)
    row = run(client, create_post, owned_by=author)
    linked = author
    assert _read(client, row, headers)["author"]["followed"] is False
    run(
        client,
        _link,
        table=follows,
        values={"related_user_id": linked.id, "user_id": user.id},
    )
    assert _read(client, row, headers)["author"]["followed"] is True
    assert _read(client, row, other_headers)["author"]["followed"] is False
    assert _listed(client, {}, headers)[row.id]["author"]["followed"] is True
