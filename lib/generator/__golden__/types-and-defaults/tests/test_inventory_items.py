"""Tests of /inventory-items."""

import datetime as dt
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from app.enums import ItemKind
from tests.factories import create_inventory_item, inventory_item_payload
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/inventory-items", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


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


def test_list_inventory_items_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/inventory-items", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get(
        "/inventory-items", params={"offset": 2**63 - 1}, headers=headers
    )
    assert response.status_code == 200, response.text


def test_list_inventory_items_filter_kind(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item, kind=ItemKind.RAW)
    other = run(client, create_inventory_item, kind=ItemKind.IN_PROGRESS)
    ids = _listed_ids(client, {"kind": str(row.kind)}, headers)
    assert str(row.id) in ids
    assert str(other.id) not in ids


def test_list_inventory_items_filter_active(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item, active=False)
    other = run(client, create_inventory_item, active=True)
    ids = _listed_ids(client, {"active": str(row.active).lower()}, headers)
    assert str(row.id) in ids
    assert str(other.id) not in ids


def test_list_inventory_items_filter_since(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item, since=dt.date(2024, 1, 15))
    other = run(client, create_inventory_item, since=dt.date(2024, 1, 16))
    ids = _listed_ids(client, {"since": row.since.isoformat()}, headers)
    assert str(row.id) in ids
    assert str(other.id) not in ids


def test_list_inventory_items_sort_price(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_inventory_item, price=Decimal("0.000"))
    high = run(client, create_inventory_item, price=Decimal("1.000"))
    ours = {str(low.id), str(high.id)}
    ascending = [
        i for i in _listed_ids(client, {"sort": "price"}, headers) if i in ours
    ]
    assert ascending == [str(low.id), str(high.id)]
    descending = [
        i for i in _listed_ids(client, {"sort": "-price"}, headers) if i in ours
    ]
    assert descending == [str(high.id), str(low.id)]


def test_list_inventory_items_sort_last_seen(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(
        client,
        create_inventory_item,
        last_seen=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC),
    )
    high = run(
        client,
        create_inventory_item,
        last_seen=dt.datetime(2024, 1, 16, 12, 0, tzinfo=dt.UTC),
    )
    ours = {str(low.id), str(high.id)}
    ascending = [
        i for i in _listed_ids(client, {"sort": "last_seen"}, headers) if i in ours
    ]
    assert ascending == [str(low.id), str(high.id)]
    descending = [
        i for i in _listed_ids(client, {"sort": "-last_seen"}, headers) if i in ours
    ]
    assert descending == [str(high.id), str(low.id)]


def test_list_inventory_items_sort_kind(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_inventory_item, kind=ItemKind.RAW)
    high = run(client, create_inventory_item, kind=ItemKind.IN_PROGRESS)
    ours = {str(low.id), str(high.id)}
    ascending = [i for i in _listed_ids(client, {"sort": "kind"}, headers) if i in ours]
    assert ascending == [str(low.id), str(high.id)]
    descending = [
        i for i in _listed_ids(client, {"sort": "-kind"}, headers) if i in ours
    ]
    assert descending == [str(high.id), str(low.id)]


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
    sent = {
        key: body[key]
        for key in [
            "sku",
            "kind",
            "count",
            "active",
            "since",
            "meta",
            "contact",
            "site",
            "notes",
        ]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(
        f"/inventory-items/{quote_path(created['id'])}", headers=headers
    )
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


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
