"""Access and data exposure of /notes."""

from fastapi.testclient import TestClient

from tests.factories import note_payload
from tests.utils import run


def test_create_note_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, note_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/notes", json=body, headers=headers)
    assert response.status_code == 422
