"""Computed fields of Category."""

from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_category, create_product
from tests.utils import quote_path, run


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The Category as its get answers it to the caller of `headers`."""
    response = client.get(f"/categories/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _listed(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> dict[Any, Any]:
    """Every row the list answers for `params`, in order, by id."""
    rows: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(rows)}
        response = client.get("/categories", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()["items"]
        rows += page
        if len(page) < 100:
            return {row["id"]: row for row in rows}


def test_category_children_count_follows_the_related_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    assert _read(client, row, headers)["children_count"] == 0
    run(client, create_category, parent_id=row.id)
    run(client, create_category, parent_id=row.id)
    assert _read(client, row, headers)["children_count"] == 2


def test_category_product_count_follows_the_related_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    assert _read(client, row, headers)["product_count"] == 0
    run(client, create_product, category_id=row.id)
    run(client, create_product, category_id=row.id)
    assert _read(client, row, headers)["product_count"] == 2


def test_category_total_price_follows_the_related_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    assert Decimal(_read(client, row, headers)["total_price"]) == 0
    run(client, create_product, category_id=row.id, price=Decimal("1.00"))
    run(client, create_product, category_id=row.id, price=Decimal("2.00"))
    assert Decimal(_read(client, row, headers)["total_price"]) == Decimal(
        "1.00"
    ) + Decimal("2.00")


def test_category_cheapest_follows_the_related_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    assert _read(client, row, headers)["cheapest"] is None
    run(client, create_product, category_id=row.id, price=Decimal("1.00"))
    run(client, create_product, category_id=row.id, price=Decimal("2.00"))
    assert Decimal(_read(client, row, headers)["cheapest"]) == Decimal("1.00")


def test_category_in_stock_count_follows_the_related_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    assert _read(client, row, headers)["in_stock_count"] == 0
    run(client, create_product, category_id=row.id, stocked=False)
    assert _read(client, row, headers)["in_stock_count"] == 0
    run(client, create_product, category_id=row.id, stocked=True)
    run(client, create_product, category_id=row.id, stocked=True)
    assert _read(client, row, headers)["in_stock_count"] == 2


def test_list_categories_sort_by_product_count(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_category)
    high = run(client, create_category)
    run(client, create_product, category_id=low.id)
    run(client, create_product, category_id=high.id)
    run(client, create_product, category_id=high.id)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed(client, {"sort": "product_count"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed(client, {"sort": "-product_count"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]
