"""Tests of /users."""

from fastapi.testclient import TestClient

from tests.factories import create_user, user_payload
from tests.utils import quote_path, run, sign_in


def test_get_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_user)
    response = client.get(f"/users/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["user"]["id"] == str(row.id)


def test_get_user_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/users/00000000-0000-0000-0000-000000000000", headers=headers
    )
    assert response.status_code == 404


def test_update_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    whole = run(client, user_payload)
    whole.pop("password", None)
    response = client.put(
        f"/users/{quote_path(row.id)}", json={"user": whole}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["user"]["id"] == str(row.id)


def test_update_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    whole = run(client, user_payload)
    whole.pop("password", None)
    response = client.put(
        "/users/00000000-0000-0000-0000-000000000000",
        json={"user": whole},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_user_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    whole = run(client, user_payload)
    whole.pop("password", None)
    whole.update({"email": None})
    response = client.put(
        f"/users/{quote_path(row.id)}", json={"user": whole}, headers=headers
    )
    assert response.status_code == 422


def test_update_user_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    whole = run(client, user_payload)
    whole.pop("password", None)
    response = client.put(
        f"/users/{quote_path(row.id)}", json={"user": whole}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(f"/users/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    whole = run(client, user_payload)
    whole.pop("password", None)
    response = client.put(
        f"/users/{quote_path(row.id)}", json={"user": whole}, headers={}
    )
    assert response.status_code == 401


def test_delete_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.delete(f"/users/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/users/{quote_path(row.id)}").status_code == 404


def test_delete_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete(
        "/users/00000000-0000-0000-0000-000000000000", headers=headers
    )
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
