"""Tests of /orders."""

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from app.enums import OrderStatus, Role
from tests.factories import create_order, order_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/orders", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


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


def test_list_orders_offset_out_of_range(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/orders", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/orders", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_orders_filter_status(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order, owned_by=user, status=OrderStatus.PENDING)
    other = run(client, create_order, owned_by=user, status=OrderStatus.PAID)
    ids = _listed_ids(client, {"status": str(row.status)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_orders_sort_placed_at(client: TestClient) -> None:
    user, headers = sign_in(client)
    low = run(
        client,
        create_order,
        owned_by=user,
        placed_at=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC),
    )
    high = run(
        client,
        create_order,
        owned_by=user,
        placed_at=dt.datetime(2024, 1, 16, 12, 0, tzinfo=dt.UTC),
    )
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "placed_at"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-placed_at"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_orders_unknown_sort(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/orders", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_list_orders_only_own_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, _ = sign_in(client)
    mine = run(client, create_order, owned_by=user)
    theirs = run(client, create_order, owned_by=other)
    ids = _listed_ids(client, {}, headers)
    assert mine.id in ids
    assert theirs.id not in ids


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
