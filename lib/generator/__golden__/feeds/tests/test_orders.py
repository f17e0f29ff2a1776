"""Tests of /orders."""

from fastapi.testclient import TestClient

from tests.factories import create_order, order_payload
from tests.utils import quote_path, run, sign_in


def test_get_order(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    response = client.get(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_order_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/orders/999999999", headers=headers)
    assert response.status_code == 404


def test_get_order_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_order, owned_by=owner)
    _, headers = sign_in(client)
    response = client.get(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/orders/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_get_order_unauthenticated(client: TestClient) -> None:
    row = run(client, create_order)
    response = client.get(f"/orders/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_create_order(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_payload, owned_by=user)
    response = client.post("/orders", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["item", "quantity", "courier_id"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/orders/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_order_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/orders", json={}, headers=headers)
    assert response.status_code == 422


def test_create_order_unauthenticated(client: TestClient) -> None:
    body = run(client, order_payload)
    response = client.post("/orders", json=body, headers={})
    assert response.status_code == 401


def test_update_order(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    n = 2
    response = client.patch(
        f"/orders/{quote_path(row.id)}", json={"item": f"item-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_order_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/orders/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_order_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    response = client.patch(
        f"/orders/{quote_path(row.id)}", json={"item": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_order_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_order, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(f"/orders/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/orders/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_order_unauthenticated(client: TestClient) -> None:
    row = run(client, create_order)
    response = client.patch(f"/orders/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_order(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/orders/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_order_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/orders/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_order_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_order, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/orders/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_order_unauthenticated(client: TestClient) -> None:
    row = run(client, create_order)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
