"""Tests of /inventory-items."""

import datetime as dt

from fastapi.testclient import TestClient

from tests.factories import create_inventory_item, inventory_item_payload
from tests.utils import quote_path, run


def test_list_inventory_items(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_inventory_item)
    response = client.get("/inventory-items", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_inventory_items_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_inventory_item)
    first = client.get(
        "/inventory-items", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/inventory-items", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_inventory_items_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/inventory-items", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_inventory_items_filter_kind(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.get(
        "/inventory-items",
        params={"kind": str(row.kind), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_inventory_items_filter_active(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.get(
        "/inventory-items",
        params={"active": str(row.active).lower(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_inventory_items_filter_since(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item, since=dt.date(2024, 1, 15))
    response = client.get(
        "/inventory-items",
        params={"since": row.since.isoformat(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_inventory_items_sort_price(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_inventory_item)
    for order in ("price", "-price"):
        response = client.get(
            "/inventory-items", params={"sort": order}, headers=headers
        )
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_inventory_items_sort_last_seen(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_inventory_item)
    for order in ("last_seen", "-last_seen"):
        response = client.get(
            "/inventory-items", params={"sort": order}, headers=headers
        )
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_inventory_items_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/inventory-items", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_inventory_item(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.get(f"/inventory-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == str(row.id)


def test_get_inventory_item_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        ("/inventory-items/00000000-0000-0000-0000-000000000000"), headers=headers
    )
    assert response.status_code == 404


def test_create_inventory_item(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, inventory_item_payload)
    response = client.post("/inventory-items", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created


def test_create_inventory_item_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/inventory-items", json={}, headers=headers)
    assert response.status_code == 422


def test_create_inventory_item_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, inventory_item_payload)
    assert (
        client.post("/inventory-items", json=body, headers=headers).status_code == 201
    )
    response = client.post("/inventory-items", json=body, headers=headers)
    assert response.status_code == 409


def test_update_inventory_item(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.patch(
        f"/inventory-items/{quote_path(row.id)}", json={"kind": "raw"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(row.id)


def test_update_inventory_item_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch(
        ("/inventory-items/00000000-0000-0000-0000-000000000000"),
        json={},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_inventory_item_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.patch(
        f"/inventory-items/{quote_path(row.id)}", json={"sku": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_inventory_item(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.delete(f"/inventory-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/inventory-items/{quote_path(row.id)}").status_code == 404


def test_delete_inventory_item_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete(
        ("/inventory-items/00000000-0000-0000-0000-000000000000"), headers=headers
    )
    assert response.status_code == 404
