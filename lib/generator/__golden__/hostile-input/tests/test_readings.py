"""Tests of /readings."""

import datetime as dt

from fastapi.testclient import TestClient

from tests.factories import create_member, create_reading, reading_payload
from tests.utils import quote_path, run, sign_in


def test_list_readings(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    response = client.get("/readings", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_readings_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    first = client.get(
        "/readings", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/readings", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_readings_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/readings", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_readings_filter_level(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading)
    response = client.get(
        "/readings", params={"level": str(row.level), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_filter_counter(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading)
    response = client.get(
        "/readings", params={"counter": str(row.counter), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_filter_value(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading, value=1.5)
    assert row.value is not None
    response = client.get(
        "/readings", params={"value": str(row.value), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_filter_label(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading)
    response = client.get(
        "/readings", params={"label": str(row.label), "limit": 100}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_filter_taken_at(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(
        client, create_reading, taken_at=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC)
    )
    response = client.get(
        "/readings",
        params={"taken_at": row.taken_at.isoformat(), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_filter_author_handle(client: TestClient) -> None:
    headers: dict[str, str] = {}
    parent = run(client, create_member)
    run(client, create_reading, author_id=parent.id)
    response = client.get(
        "/readings",
        params={"author_handle": str(parent.handle), "limit": 100},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_readings_sort_level(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    for order in ("level", "-level"):
        response = client.get("/readings", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_readings_sort_taken_at(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_reading)
    for order in ("taken_at", "-taken_at"):
        response = client.get("/readings", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_readings_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/readings", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_reading(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_reading)
    response = client.get(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_reading_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/readings/999999999", headers=headers)
    assert response.status_code == 404


def test_create_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, reading_payload)
    response = client.post("/readings", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created


def test_create_reading_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/readings", json={}, headers=headers)
    assert response.status_code == 422


def test_create_reading_unauthenticated(client: TestClient) -> None:
    body = run(client, reading_payload)
    response = client.post("/readings", json=body, headers={})
    assert response.status_code == 401


def test_update_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, author_id=user.id)
    n = 2
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"label": f"label-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_reading_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/readings/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_reading_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, author_id=user.id)
    response = client.patch(
        f"/readings/{quote_path(row.id)}", json={"label": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_reading_not_owner(client: TestClient) -> None:
    row = run(client, create_reading)
    _, headers = sign_in(client)
    response = client.patch(f"/readings/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404


def test_update_reading_unauthenticated(client: TestClient) -> None:
    row = run(client, create_reading)
    response = client.patch(f"/readings/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_reading(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_reading, author_id=user.id)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/readings/{quote_path(row.id)}").status_code == 404


def test_delete_reading_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/readings/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_reading_not_owner(client: TestClient) -> None:
    row = run(client, create_reading)
    _, headers = sign_in(client)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404


def test_delete_reading_unauthenticated(client: TestClient) -> None:
    row = run(client, create_reading)
    response = client.delete(f"/readings/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
