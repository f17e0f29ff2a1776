"""Access and data exposure of /articles/{slug}/comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_article, create_comment
from tests.utils import quote_path, run, sign_in


def test_create_comment_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/articles/{slug}/comments", json=body, headers=headers)
    assert response.status_code == 422


def test_update_comment_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    response = client.patch(
        f"/articles/{slug}/comments/{quote_path(row.id)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422


def test_comment_of_hidden_article_hidden(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    _, other_headers = sign_in(client)
    hidden = run(client, create_article, owned_by=owner, published=False)
    row = run(client, create_comment, owned_by=owner, article_id=hidden.id)
    assert (
        client.get(
            f"/articles/{slug}/comments/{quote_path(row.id)}", headers={}
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/articles/{slug}/comments/{quote_path(row.id)}", headers=other_headers
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/articles/{slug}/comments/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )
    assert row.id not in {
        item["id"]
        for item in client.get(
            "/articles/{slug}/comments", params={"limit": 100}, headers={}
        ).json()["items"]
    }
    assert row.id not in {
        item["id"]
        for item in client.get(
            "/articles/{slug}/comments", params={"limit": 100}, headers=other_headers
        ).json()["items"]
    }
    assert row.id in {
        item["id"]
        for item in client.get(
            "/articles/{slug}/comments", params={"limit": 100}, headers=owner_headers
        ).json()["items"]
    }
