"""Access and data exposure of /orders."""

from fastapi.testclient import TestClient

from tests.factories import create_order, order_payload
from tests.utils import quote_path, run, sign_in


def test_create_order_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/orders", json=body, headers=headers)
    assert response.status_code == 422


def test_create_order_missing_courier_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_payload, owned_by=user)
    body["courier_id"] = 999999999
    response = client.post("/orders", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "courier_id"]


def test_update_order_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    response = client.patch(
        f"/orders/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
