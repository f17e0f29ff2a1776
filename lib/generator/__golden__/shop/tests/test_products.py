"""Tests of /products."""

from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from app.enums import Role
from tests.factories import create_product, product_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/products", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_products(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_product)
    response = client.get("/products", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_products_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_product)
    first = client.get(
        "/products", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/products", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_products_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/products", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_products_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/products", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/products", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_products_filter_active(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_product, active=False)
    other = run(client, create_product, active=True)
    ids = _listed_ids(client, {"active": str(row.active).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_products_filter_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 681133
    row = run(client, create_product, name=f"name-{n}")
    n = 681134
    other = run(client, create_product, name=f"name-{n}")
    ids = _listed_ids(client, {"name": str(row.name)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_products_sort_price(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_product, price=Decimal("0.00"))
    high = run(client, create_product, price=Decimal("1.00"))
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "price"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-price"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_products_sort_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 358977
    low = run(client, create_product, name=f"name-{n}")
    n = 358978
    high = run(client, create_product, name=f"name-{n}")
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_products_sort_name_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_product, name=value))
    ours = [row.id for row in rows]
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_products_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/products", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_product(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_product)
    response = client.get(f"/products/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_product_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/products/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_product(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    body = run(client, product_payload, owned_by=user)
    response = client.post("/products", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {
        key: body[key]
        for key in ["name", "slug", "description", "stock", "active"]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/products/{quote_path(created['slug'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_product_invalid(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.post("/products", json={}, headers=headers)
    assert response.status_code == 422


def test_create_product_conflict(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    body = run(client, product_payload, owned_by=user)
    assert client.post("/products", json=body, headers=headers).status_code == 201
    response = client.post("/products", json=body, headers=headers)
    assert response.status_code == 409


def test_create_product_unauthenticated(client: TestClient) -> None:
    body = run(client, product_payload)
    response = client.post("/products", json=body, headers={})
    assert response.status_code == 401


def test_create_product_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.CUSTOMER)
    body = run(client, product_payload)
    response = client.post("/products", json=body, headers=headers)
    assert response.status_code == 403


def test_update_product(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_product)
    n = 2
    response = client.patch(
        f"/products/{quote_path(row.slug)}", json={"name": f"name-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_product_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.patch("/products/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_product_invalid(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_product)
    response = client.patch(
        f"/products/{quote_path(row.slug)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_product_unauthenticated(client: TestClient) -> None:
    row = run(client, create_product)
    response = client.patch(f"/products/{quote_path(row.slug)}", json={}, headers={})
    assert response.status_code == 401


def test_update_product_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.CUSTOMER)
    row = run(client, create_product)
    response = client.patch(
        f"/products/{quote_path(row.slug)}", json={}, headers=headers
    )
    assert response.status_code == 403


def test_delete_product(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_product)
    response = client.delete(f"/products/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/products/{quote_path(row.slug)}").status_code == 404


def test_delete_product_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.delete("/products/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_product_unauthenticated(client: TestClient) -> None:
    row = run(client, create_product)
    response = client.delete(f"/products/{quote_path(row.slug)}", headers={})
    assert response.status_code == 401


def test_delete_product_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.CUSTOMER)
    row = run(client, create_product)
    response = client.delete(f"/products/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 403
