"""Access and data exposure of /order-lines."""

import decimal

from fastapi.testclient import TestClient

from tests.factories import (
    create_order,
    create_order_line,
    create_product,
    order_line_payload,
)
from tests.utils import quote_path, run, sign_in


def test_create_order_line_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_line_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 422


def test_create_order_line_read_only_unit_price(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_line_payload, owned_by=user)
    body["unit_price"] = "1.00"
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "unit_price"]


def test_create_order_line_missing_order_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_line_payload, owned_by=user)
    body["order_id"] = 999999999
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "order_id"]


def test_create_order_line_order_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    other = run(client, create_order)
    body = run(client, order_line_payload, owned_by=user)
    body["order_id"] = other.id
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "order_id"]


def test_create_order_line_missing_product_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, order_line_payload, owned_by=user)
    body["product_id"] = 999999999
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "product_id"]


def test_update_order_line_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order_line, owned_by=user)
    response = client.patch(
        f"/order-lines/{quote_path(row.id)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422


def test_update_order_line_order_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_order_line, owned_by=user)
    other = run(client, create_order)
    body = {"order_id": other.id}
    response = client.patch(
        f"/order-lines/{quote_path(row.id)}", json=body, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "order_id"]


def test_create_order_line_copies_unit_price(client: TestClient) -> None:
    user, headers = sign_in(client)
    source = run(client, create_product, owned_by=user)
    body = run(client, order_line_payload, owned_by=user, product_id=source.id)
    response = client.post("/order-lines", json=body, headers=headers)
    assert response.status_code == 201, response.text
    assert decimal.Decimal(str(response.json()["unit_price"])) == source.price
