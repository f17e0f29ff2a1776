"""Tests of /orders."""

from fastapi.testclient import TestClient

from app.enums import Role
from tests.factories import create_order, order_payload
from tests.utils import quote_path, run, sign_in


def test_list_orders(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_order, owned_by=user)
    response = client.get("/orders", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_orders_offset(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_order, owned_by=user)
    first = client.get(
        "/orders", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/orders", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_orders_limit_too_large(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/orders", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_orders_filter_status(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user)
    response = client.get(
        "/orders", params={"status": str(row.status), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_orders_sort_placed_at(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_order, owned_by=user)
    for order in ("placed_at", "-placed_at"):
        response = client.get("/orders", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_orders_unknown_sort(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/orders", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_list_orders_unauthenticated(client: TestClient) -> None:
    response = client.get("/orders", headers={})
    assert response.status_code == 401


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
    row = run(client, create_order)
    _, headers = sign_in(client)
    response = client.get(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404


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


def test_create_order_unauthenticated(client: TestClient) -> None:
    body = run(client, order_payload)
    response = client.post("/orders", json=body, headers={})
    assert response.status_code == 401


def test_update_order(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_order)
    response = client.patch(f"/orders/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_order_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.patch("/orders/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_order_unauthenticated(client: TestClient) -> None:
    row = run(client, create_order)
    response = client.patch(f"/orders/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_update_order_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.CUSTOMER)
    row = run(client, create_order)
    response = client.patch(f"/orders/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 403


def test_delete_order(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_order)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/orders/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_order_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.delete("/orders/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_order_unauthenticated(client: TestClient) -> None:
    row = run(client, create_order)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_delete_order_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.CUSTOMER)
    row = run(client, create_order)
    response = client.delete(f"/orders/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 403
