"""Tests of /users."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run


def test_list_users(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_user)
    response = client.get("/users", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_users_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_user)
    first = client.get(
        "/users", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/users", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_users_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/users", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_users_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/users", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/users", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_users_sort_followersCount(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_user)
    for order in ("followersCount", "-followersCount"):
        response = client.get("/users", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_users_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/users", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_get_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_user)
    response = client.get(f"/users/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_user_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/users/no-such-value-zz", headers=headers)
    assert response.status_code == 404
