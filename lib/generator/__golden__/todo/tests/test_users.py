"""Tests of /users."""

from fastapi.testclient import TestClient

from tests.factories import create_user, user_payload
from tests.utils import quote_path, run, sign_in


def test_get_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_user)
    response = client.get(f"/users/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_user_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/users/999999999", headers=headers)
    assert response.status_code == 404


def test_create_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, user_payload)
    response = client.post("/users", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    assert "password" not in created


def test_create_user_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/users", json={}, headers=headers)
    assert response.status_code == 422


def test_create_user_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, user_payload)
    assert client.post("/users", json=body, headers=headers).status_code == 201
    response = client.post("/users", json=body, headers=headers)
    assert response.status_code == 409


def test_update_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(f"/users/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/users/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_user_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(
        f"/users/{quote_path(row.id)}", json={"email": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_user_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.patch(f"/users/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/users/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.patch(f"/users/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401
