"""Tests of /students."""

from fastapi.testclient import TestClient

from tests.factories import create_student, student_payload
from tests.utils import quote_path, run


def test_list_students(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_student)
    response = client.get("/students", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_students_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_student)
    first = client.get(
        "/students", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/students", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_students_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/students", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_students_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/students", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/students", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_student(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    response = client.get(f"/students/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_student_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/students/999999999", headers=headers)
    assert response.status_code == 404


def test_create_student(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, student_payload)
    response = client.post("/students", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["name"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/students/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_student_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/students", json={}, headers=headers)
    assert response.status_code == 422


def test_update_student(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    n = 2
    response = client.patch(
        f"/students/{quote_path(row.id)}", json={"name": f"name-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_student_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/students/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_student_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    response = client.patch(
        f"/students/{quote_path(row.id)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_student(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    response = client.delete(f"/students/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/students/{quote_path(row.id)}").status_code == 404


def test_delete_student_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/students/999999999", headers=headers)
    assert response.status_code == 404
