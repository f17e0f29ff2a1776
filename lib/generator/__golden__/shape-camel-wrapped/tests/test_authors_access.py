"""Access and data exposure of /authors."""

from fastapi.testclient import TestClient

from tests.factories import author_payload, create_author
from tests.utils import quote_path, run


def test_create_author_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, author_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/authors", json={"author": body}, headers=headers)
    assert response.status_code == 422


def test_update_author_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_author)
    response = client.patch(
        f"/authors/{quote_path(row.username)}",
        json={"author": {"zz_not_a_field": 1}},
        headers=headers,
    )
    assert response.status_code == 422
