"""Access and data exposure of /comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_comment, create_post
from tests.utils import quote_path, run, sign_in


def test_create_comment_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/comments", json=body, headers=headers)
    assert response.status_code == 422


def test_create_comment_missing_post_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    body["post_id"] = 999999999
    response = client.post("/comments", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "post_id"]


def test_create_comment_post_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    other = run(client, create_post)
    body = run(client, comment_payload, owned_by=user)
    body["post_id"] = other.id
    response = client.post("/comments", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "post_id"]


def test_update_comment_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    response = client.patch(
        f"/comments/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_update_comment_post_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    other = run(client, create_post)
    body = {"post_id": other.id}
    response = client.patch(
        f"/comments/{quote_path(row.id)}", json=body, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "post_id"]


def test_get_comment_embeds_author_publicly(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment)
    response = client.get(f"/comments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    assert "email" not in response.json()["author"]


def test_comment_of_hidden_post_hidden(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    _, other_headers = sign_in(client)
    hidden = run(client, create_post, owned_by=owner, published=False)
    row = run(client, create_comment, owned_by=owner, post_id=hidden.id)
    assert client.get(f"/comments/{quote_path(row.id)}", headers={}).status_code == 404
    assert (
        client.get(f"/comments/{quote_path(row.id)}", headers=other_headers).status_code
        == 404
    )
    assert (
        client.get(f"/comments/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )
    assert row.id not in {
        item["id"]
        for item in client.get("/comments", params={"limit": 100}, headers={}).json()[
            "items"
        ]
    }
    assert row.id not in {
        item["id"]
        for item in client.get(
            "/comments", params={"limit": 100}, headers=other_headers
        ).json()["items"]
    }
    assert row.id in {
        item["id"]
        for item in client.get(
            "/comments", params={"limit": 100}, headers=owner_headers
        ).json()["items"]
    }
