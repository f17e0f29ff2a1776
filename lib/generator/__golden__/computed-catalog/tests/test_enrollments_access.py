"""Access and data exposure of /enrollments."""

from fastapi.testclient import TestClient

from tests.factories import create_enrollment, enrollment_payload
from tests.utils import quote_path, run


def test_create_enrollment_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, enrollment_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/enrollments", json=body, headers=headers)
    assert response.status_code == 422


def test_create_enrollment_missing_student_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, enrollment_payload)
    body["student_id"] = 999999999
    response = client.post("/enrollments", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "student_id"]


def test_create_enrollment_missing_course_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, enrollment_payload)
    body["course_id"] = 999999999
    response = client.post("/enrollments", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "course_id"]


def test_update_enrollment_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_enrollment)
    response = client.patch(
        f"/enrollments/{quote_path(row.id)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422
