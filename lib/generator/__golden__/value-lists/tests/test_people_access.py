"""Access and data exposure of /people."""

from fastapi.testclient import TestClient

from tests.factories import create_person, person_payload
from tests.utils import quote_path, run


def test_create_person_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, person_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 422


def test_update_person_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    response = client.patch(
        f"/people/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
