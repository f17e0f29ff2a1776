"""Tests of /users."""

from fastapi.testclient import TestClient

from tests.factories import create_user
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


def test_update_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    n = 2
    response = client.patch(
        f"/users/{quote_path(row.id)}",
        json={"display_name": f"display-name-{n}"},
        headers=headers,
    )
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


def test_delete_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.delete(f"/users/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/users/{quote_path(row.id)}").status_code == 404


def test_delete_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/users/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_user_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.delete(f"/users/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/users/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.delete(f"/users/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
