"""Tests of /categories."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import category_payload, create_category
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/categories", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_categories(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_category)
    response = client.get("/categories", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_categories_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_category)
    first = client.get(
        "/categories", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/categories", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_categories_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/categories", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_categories_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/categories", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/categories", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_categories_filter_parent_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 175744
    parent = run(client, create_category, name=f"name-{n}")
    n = 175745
    other_parent = run(client, create_category, name=f"name-{n}")
    row = run(client, create_category, parent_id=parent.id)
    other = run(client, create_category, parent_id=other_parent.id)
    ids = _listed_ids(client, {"parent_name": str(parent.name)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_categories_filter_parent_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    parent = run(client, create_category)
    other_parent = run(client, create_category)
    row = run(client, create_category, parent_id=parent.id)
    other = run(client, create_category, parent_id=other_parent.id)
    ids = _listed_ids(client, {"parent_id": str(parent.id)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_categories_sort_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 184231
    low = run(client, create_category, name=f"name-{n}")
    n = 184232
    high = run(client, create_category, name=f"name-{n}")
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_categories_sort_parent_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_category)
    for order in ("parent_name", "-parent_name"):
        response = client.get("/categories", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_categories_sort_name_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_category, name=value))
    ours = [row.id for row in rows]
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_categories_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/categories", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_category(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.get(f"/categories/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_category_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/categories/999999999", headers=headers)
    assert response.status_code == 404


def test_create_category(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, category_payload)
    response = client.post("/categories", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["name", "position", "parent_id"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/categories/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_category_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/categories", json={}, headers=headers)
    assert response.status_code == 422


def test_create_category_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, category_payload)
    assert client.post("/categories", json=body, headers=headers).status_code == 201
    response = client.post("/categories", json=body, headers=headers)
    assert response.status_code == 409


def test_update_category(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.patch(
        f"/categories/{quote_path(row.id)}", json={"position": 1}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_category_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/categories/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_category_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.patch(
        f"/categories/{quote_path(row.id)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_category(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_category)
    response = client.delete(f"/categories/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/categories/{quote_path(row.id)}").status_code == 404


def test_delete_category_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/categories/999999999", headers=headers)
    assert response.status_code == 404
