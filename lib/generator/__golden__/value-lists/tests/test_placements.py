"""Tests of /placements."""

from fastapi.testclient import TestClient

from tests.factories import create_placement, placement_payload
from tests.utils import quote_path, run


def test_list_placements(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_placement)
    response = client.get("/placements", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_placements_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_placement)
    first = client.get(
        "/placements", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/placements", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_placements_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/placements", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_placements_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/placements", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/placements", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_placement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    response = client.get(f"/placements/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_placement_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/placements/999999999", headers=headers)
    assert response.status_code == 404


def test_create_placement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, placement_payload)
    response = client.post("/placements", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["rank", "post_id", "category_id"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/placements/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_placement_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/placements", json={}, headers=headers)
    assert response.status_code == 422


def test_update_placement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    response = client.patch(
        f"/placements/{quote_path(row.id)}", json={"rank": 1}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_placement_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/placements/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_placement_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    response = client.patch(
        f"/placements/{quote_path(row.id)}", json={"rank": None}, headers=headers
    )
    assert response.status_code == 422


def test_replace_placement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    whole = run(client, placement_payload)
    whole.update({"rank": 1})
    response = client.put(
        f"/placements/{quote_path(row.id)}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_replace_placement_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, placement_payload)
    response = client.put("/placements/999999999", json=whole, headers=headers)
    assert response.status_code == 404


def test_replace_placement_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    whole = run(client, placement_payload)
    whole.update({"rank": None})
    response = client.put(
        f"/placements/{quote_path(row.id)}", json=whole, headers=headers
    )
    assert response.status_code == 422


def test_delete_placement(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_placement)
    response = client.delete(f"/placements/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/placements/{quote_path(row.id)}").status_code == 404


def test_delete_placement_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/placements/999999999", headers=headers)
    assert response.status_code == 404
