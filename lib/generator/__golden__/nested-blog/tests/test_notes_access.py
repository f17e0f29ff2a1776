"""Access and data exposure of /articles/{article_slug}/notes."""

from fastapi.testclient import TestClient

from tests.factories import create_article, create_note, note_payload
from tests.utils import quote_path, run, sign_in


def test_create_note_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, note_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/articles/{article_slug}/notes", json=body, headers=headers)
    assert response.status_code == 422


def test_update_note_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_note, owned_by=user)
    response = client.patch(
        f"/articles/{article_slug}/notes/{quote_path(row.slug)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422


def test_note_of_hidden_article_hidden(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    _, other_headers = sign_in(client)
    hidden = run(client, create_article, owned_by=owner, published=False)
    row = run(client, create_note, owned_by=owner, article_id=hidden.id)
    assert (
        client.get(
            f"/articles/{article_slug}/notes/{quote_path(row.slug)}", headers={}
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/articles/{article_slug}/notes/{quote_path(row.slug)}",
            headers=other_headers,
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/articles/{article_slug}/notes/{quote_path(row.slug)}",
            headers=owner_headers,
        ).status_code
        == 200
    )
    assert row.id not in {
        item["id"]
        for item in client.get(
            "/articles/{article_slug}/notes", params={"limit": 100}, headers={}
        ).json()["items"]
    }
    assert row.id not in {
        item["id"]
        for item in client.get(
            "/articles/{article_slug}/notes",
            params={"limit": 100},
            headers=other_headers,
        ).json()["items"]
    }
    assert row.id in {
        item["id"]
        for item in client.get(
            "/articles/{article_slug}/notes",
            params={"limit": 100},
            headers=owner_headers,
        ).json()["items"]
    }
