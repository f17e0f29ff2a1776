"""Access and data exposure of /probes."""

from fastapi.testclient import TestClient

from tests.factories import create_probe, probe_payload
from tests.utils import quote_path, run


def test_create_probe_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, probe_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/probes", json=body, headers=headers)
    assert response.status_code == 422


def test_create_probe_missing_count_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, probe_payload)
    body["count_id"] = 999999999
    response = client.post("/probes", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "count_id"]


def test_update_probe_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_probe)
    response = client.patch(
        f"/probes/{quote_path(row.row)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
