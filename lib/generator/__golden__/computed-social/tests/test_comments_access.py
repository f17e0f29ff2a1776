"""Access and data exposure of /comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_comment
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
    body["postId"] = 999999999
    response = client.post("/comments", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "postId"]


def test_update_comment_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    response = client.patch(
        f"/comments/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
