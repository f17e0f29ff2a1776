"""Access and data exposure of /posts."""

from fastapi.testclient import TestClient

from tests.factories import create_post, post_payload
from tests.utils import quote_path, run, sign_in


def test_create_post_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422


def test_update_post_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    response = client.patch(
        f"/posts/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_get_post_embeds_author_publicly(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post)
    response = client.get(f"/posts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    assert "email" not in response.json()["author"]
