"""Tests of /enrollments."""

from fastapi.testclient import TestClient

from tests.factories import create_enrollment, enrollment_payload
from tests.utils import quote_path, run


def test_list_enrollments(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_enrollment)
    response = client.get("/enrollments", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_enrollments_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_enrollment)
    first = client.get(
        "/enrollments", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/enrollments", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_enrollments_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/enrollments", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_enrollments_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/enrollments", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/enrollments", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_enrollment(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_enrollment)
    response = client.get(f"/enrollments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_enrollment_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/enrollments/999999999", headers=headers)
    assert response.status_code == 404


def test_create_enrollment(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, enrollment_payload)
    response = client.post("/enrollments", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {
        key: body[key] for key in ["grade", "student_id", "course_id"] if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/enrollments/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_enrollment_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/enrollments", json={}, headers=headers)
    assert response.status_code == 422


def test_update_enrollment(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_enrollment)
    response = client.patch(
        f"/enrollments/{quote_path(row.id)}", json={"grade": 0}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_enrollment_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/enrollments/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_enrollment_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_enrollment)
    response = client.patch(
        f"/enrollments/{quote_path(row.id)}", json={"grade": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_enrollment(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_enrollment)
    response = client.delete(f"/enrollments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/enrollments/{quote_path(row.id)}").status_code == 404


def test_delete_enrollment_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/enrollments/999999999", headers=headers)
    assert response.status_code == 404
