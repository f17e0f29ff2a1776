"""Access and data exposure of /courses."""

from fastapi.testclient import TestClient

from tests.factories import course_payload, create_course
from tests.utils import quote_path, run


def test_create_course_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, course_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/courses", json=body, headers=headers)
    assert response.status_code == 422


def test_update_course_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    response = client.patch(
        f"/courses/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
