"""Access and data exposure of /categories."""

from fastapi.testclient import TestClient

from tests.factories import category_payload
from tests.utils import run


def test_create_category_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, category_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/categories", json=body, headers=headers)
    assert response.status_code == 422


def test_create_category_missing_parent_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, category_payload)
    body["parent_id"] = 999999999
    response = client.post("/categories", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parent_id"]
