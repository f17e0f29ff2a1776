"""Access and data exposure of /tallies."""

from fastapi.testclient import TestClient

from tests.factories import create_tally, tally_payload
from tests.utils import quote_path, run


def test_create_tally_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, tally_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/tallies", json=body, headers=headers)
    assert response.status_code == 422


def test_update_tally_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tally)
    response = client.patch(
        f"/tallies/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
