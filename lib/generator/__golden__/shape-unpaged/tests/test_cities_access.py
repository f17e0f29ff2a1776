"""Access and data exposure of /cities."""

from fastapi.testclient import TestClient

from tests.factories import city_payload, create_city
from tests.utils import quote_path, run


def test_create_city_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, city_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/cities", json=body, headers=headers)
    assert response.status_code == 422


def test_update_city_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_city)
    response = client.patch(
        f"/cities/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
