"""Access and data exposure of /labels."""

from fastapi.testclient import TestClient

from tests.factories import create_label, label_payload
from tests.utils import quote_path, run


def test_create_label_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, label_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/labels", json=body, headers=headers)
    assert response.status_code == 422


def test_update_label_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_label)
    response = client.patch(
        f"/labels/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
