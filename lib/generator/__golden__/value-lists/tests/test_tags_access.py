"""Access and data exposure of /tags."""

from fastapi.testclient import TestClient

from tests.factories import create_tag, tag_payload
from tests.utils import quote_path, run


def test_create_tag_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, tag_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/tags", json=body, headers=headers)
    assert response.status_code == 422


def test_update_tag_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    response = client.patch(
        f"/tags/{quote_path(row.name)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
