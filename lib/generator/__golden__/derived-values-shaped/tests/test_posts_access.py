"""Access and data exposure of /posts."""

from fastapi.testclient import TestClient

from tests.factories import post_payload
from tests.utils import run, sign_in


def test_create_post_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422


def test_create_post_read_only_slug(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    n = 1
    body["slug"] = f"slug-{n}"
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422
    assert "slug" in response.json()["errors"], response.text
