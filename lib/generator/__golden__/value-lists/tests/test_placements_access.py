"""Access and data exposure of /placements."""

from fastapi.testclient import TestClient

from tests.factories import create_placement, placement_payload
from tests.utils import quote_path, run


def test_create_placement_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, placement_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/placements", json=body, headers=headers)
    assert response.status_code == 422


def test_create_placement_missing_post_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, placement_payload)
    body["post_id"] = 999999999
    response = client.post("/placements", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "post_id"]


def test_create_placement_missing_category_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, placement_payload)
    body["category_id"] = 999999999
    response = client.post("/placements", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "category_id"]


def test_update_placement_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    response = client.patch(
        f"/placements/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
