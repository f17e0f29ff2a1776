"""Tests of /courses."""

from fastapi.testclient import TestClient

from tests.factories import course_payload, create_course
from tests.utils import quote_path, run


def test_list_courses(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_course)
    response = client.get("/courses", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_courses_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_course)
    first = client.get(
        "/courses", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/courses", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_courses_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/courses", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_courses_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/courses", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/courses", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_course(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    response = client.get(f"/courses/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_course_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/courses/999999999", headers=headers)
    assert response.status_code == 404


def test_create_course(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, course_payload)
    response = client.post("/courses", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["code"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/courses/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_course_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/courses", json={}, headers=headers)
    assert response.status_code == 422


def test_create_course_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, course_payload)
    assert client.post("/courses", json=body, headers=headers).status_code == 201
    response = client.post("/courses", json=body, headers=headers)
    assert response.status_code == 409


def test_update_course(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    response = client.patch(f"/courses/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_course_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/courses/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_course_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    response = client.patch(
        f"/courses/{quote_path(row.id)}", json={"code": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_course(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    response = client.delete(f"/courses/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/courses/{quote_path(row.id)}").status_code == 404


def test_delete_course_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/courses/999999999", headers=headers)
    assert response.status_code == 404
