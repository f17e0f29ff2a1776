"""Access and data exposure of /students."""

from fastapi.testclient import TestClient

from tests.factories import student_payload
from tests.utils import run


def test_create_student_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, student_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/students", json=body, headers=headers)
    assert response.status_code == 422
