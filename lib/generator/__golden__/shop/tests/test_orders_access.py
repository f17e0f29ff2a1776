"""Access and data exposure of /orders."""

from fastapi.testclient import TestClient

from tests.factories import order_payload
from tests.utils import run, sign_in


def test_create_order_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/orders", json=body, headers=headers)
    assert response.status_code == 422


def test_create_order_read_only_status(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_payload, owned_by=user)
    body["status"] = "pending"
    response = client.post("/orders", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "status"]
