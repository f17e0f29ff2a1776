"""Access and data exposure of /products."""

from fastapi.testclient import TestClient

from tests.factories import create_product, product_payload
from tests.utils import quote_path, run


def test_create_product_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, product_payload)
    body["zz_not_a_field"] = 1
    response = client.post("/products", json=body, headers=headers)
    assert response.status_code == 422


def test_create_product_missing_category_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, product_payload)
    body["category_id"] = 999999999
    response = client.post("/products", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "category_id"]


def test_update_product_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_product)
    response = client.patch(
        f"/products/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
