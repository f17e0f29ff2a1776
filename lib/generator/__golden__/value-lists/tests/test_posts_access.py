"""Access and data exposure of /posts."""

from fastapi.testclient import TestClient

from tests.factories import create_post, post_payload
from tests.utils import quote_path, run


def test_create_post_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, post_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422


def test_update_post_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_post)
    response = client.patch(
        f"/posts/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
