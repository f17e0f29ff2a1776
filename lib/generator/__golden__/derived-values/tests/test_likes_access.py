"""Access and data exposure of /likes."""

from fastapi.testclient import TestClient

from tests.factories import create_like, like_payload
from tests.utils import quote_path, run, sign_in


def test_create_like_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 422


def test_create_like_missing_post_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    body["post_id"] = 999999999
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "post_id"]


def test_update_like_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_like, owned_by=user)
    response = client.patch(
        f"/likes/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
