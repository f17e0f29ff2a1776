"""Access and data exposure of /inventory-items."""

import uuid

from fastapi.testclient import TestClient

from tests.factories import create_inventory_item, inventory_item_payload
from tests.utils import quote_path, run


def test_create_inventory_item_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, inventory_item_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/inventory-items", json=body, headers=headers)
    assert response.status_code == 422


def test_create_inventory_item_read_only_token(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, inventory_item_payload)
    n = 1
    body["token"] = str(uuid.UUID(int=n))
    response = client.post("/inventory-items", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "token"]


def test_update_inventory_item_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_inventory_item)
    response = client.patch(
        f"/inventory-items/{quote_path(row.id)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422
