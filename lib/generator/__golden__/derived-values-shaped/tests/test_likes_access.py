"""Access and data exposure of /likes."""

from fastapi.testclient import TestClient

from tests.factories import like_payload
from tests.utils import run, sign_in


def test_create_like_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 422


def test_create_like_missing_post_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    body["postId"] = 999999999
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 422
    assert "postId" in response.json()["errors"], response.text
