"""Tests of /labels."""

from fastapi.testclient import TestClient

from tests.factories import create_label, label_payload
from tests.utils import quote_path, run


def test_list_labels(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_label)
    response = client.get("/labels", params={"take": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page) == 2


def test_list_labels_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_label)
    first = client.get("/labels", params={"take": 1, "skip": 0}, headers=headers).json()
    second = client.get(
        "/labels", params={"take": 1, "skip": 1}, headers=headers
    ).json()
    assert first[0]["id"] != second[0]["id"]


def test_list_labels_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/labels", params={"take": 101}, headers=headers)
    assert response.status_code == 422


def test_list_labels_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/labels", params={"skip": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "skip"]
    response = client.get("/labels", params={"skip": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_label)
    response = client.get(f"/labels/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_label_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/labels/999999999", headers=headers)
    assert response.status_code == 404


def test_create_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, label_payload)
    response = client.post("/labels", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["name"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/labels/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_label_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/labels", json={}, headers=headers)
    assert response.status_code == 422


def test_create_label_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, label_payload)
    assert client.post("/labels", json=body, headers=headers).status_code == 201
    response = client.post("/labels", json=body, headers=headers)
    assert response.status_code == 409


def test_update_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_label)
    response = client.patch(f"/labels/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_label_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/labels/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_label_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_label)
    response = client.patch(
        f"/labels/{quote_path(row.id)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_label)
    response = client.delete(f"/labels/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/labels/{quote_path(row.id)}").status_code == 404


def test_delete_label_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/labels/999999999", headers=headers)
    assert response.status_code == 404
