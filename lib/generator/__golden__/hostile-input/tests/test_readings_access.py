"""Access and data exposure of /readings."""

from fastapi.testclient import TestClient

from tests.factories import create_reading, reading_payload
from tests.utils import quote_path, run, sign_in


def test_create_reading_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, reading_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/readings", json=body, headers=headers)
    assert response.status_code == 422


def test_create_reading_missing_previous_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, reading_payload, owned_by=user)
    body["previous_id"] = 999999999
    response = client.post("/readings", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "previous_id"]


def test_update_reading_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, owned_by=user)
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_update_reading_previous_id_cycle(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, owned_by=user)
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"previous_id": row.id}, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "previous_id"]
    child = run(client, create_reading, owned_by=user, previous_id=row.id)
    response = client.patch(
        f"/readings/{quote_path(row.id)}",
        json={"previous_id": child.id},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "previous_id"]
    response = client.patch(
        f"/readings/{quote_path(child.id)}", json={"previous_id": None}, headers=headers
    )
    assert response.status_code == 200, response.text
