"""Access and data exposure of /categories."""

from fastapi.testclient import TestClient

from tests.factories import category_payload, create_category
from tests.utils import quote_path, run


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


def test_update_category_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.patch(
        f"/categories/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_update_category_parent_id_cycle(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.patch(
        f"/categories/{quote_path(row.id)}", json={"parent_id": row.id}, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parent_id"]
    child = run(client, create_category, parent_id=row.id)
    response = client.patch(
        f"/categories/{quote_path(row.id)}",
        json={"parent_id": child.id},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "parent_id"]
    response = client.patch(
        f"/categories/{quote_path(child.id)}", json={"parent_id": None}, headers=headers
    )
    assert response.status_code == 200, response.text
