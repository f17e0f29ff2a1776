"""Access and data exposure of /students."""

from fastapi.testclient import TestClient

from tests.factories import create_student, student_payload
from tests.utils import quote_path, run


def test_create_student_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, student_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/students", json=body, headers=headers)
    assert response.status_code == 422


def test_update_student_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    response = client.patch(
        f"/students/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
