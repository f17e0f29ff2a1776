"""Tests of /cities."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import city_payload, create_city
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    response = client.get("/cities", params=params, headers=headers)
    assert response.status_code == 200, response.text
    page = response.json()
    ids += [item["id"] for item in page["results"]]
    return ids


def test_list_cities(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_city)
    response = client.get("/cities", headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["results"]) >= 3


def test_list_cities_sort_name(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 809424
    low = run(client, create_city, name=f"name-{n}")
    n = 809425
    high = run(client, create_city, name=f"name-{n}")
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_cities_sort_name_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_city, name=value))
    ours = [row.id for row in rows]
    ascending = [i for i in _listed_ids(client, {"sort": "name"}, headers) if i in ours]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-name"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_cities_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/cities", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_get_city(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_city)
    response = client.get(f"/cities/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["data"]["id"] == row.id


def test_get_city_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/cities/999999999", headers=headers)
    assert response.status_code == 404


def test_create_city(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, city_payload)
    response = client.post("/cities", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    assert "id" in created
    sent = {key: body[key] for key in ["name", "population"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/cities/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()["data"][key] for key in sent} == sent


def test_create_city_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/cities", json={}, headers=headers)
    assert response.status_code == 422


def test_create_city_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, city_payload)
    assert client.post("/cities", json=body, headers=headers).status_code == 201
    response = client.post("/cities", json=body, headers=headers)
    assert response.status_code == 409


def test_update_city(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_city)
    response = client.patch(
        f"/cities/{quote_path(row.id)}", json={"population": 1}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["id"] == row.id


def test_update_city_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/cities/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_city_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_city)
    response = client.patch(
        f"/cities/{quote_path(row.id)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_city(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_city)
    response = client.delete(f"/cities/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/cities/{quote_path(row.id)}").status_code == 404


def test_delete_city_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/cities/999999999", headers=headers)
    assert response.status_code == 404
