"""Tests of /profiles."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def test_list_users(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_user)
    response = client.get("/profiles", params={"limit": 2}, headers=headers)
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
        "/profiles", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/profiles", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_users_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_users_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/profiles", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_user)
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_user_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/profiles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_update_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    n = 2
    response = client.patch(
        f"/profiles/{quote_path(row.username)}",
        json={"bio": f"bio-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/profiles/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_user_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(
        f"/profiles/{quote_path(row.username)}", json={"email": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_user_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.patch(
        f"/profiles/{quote_path(row.username)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/profiles/{quote_path(row.username)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.patch(
        f"/profiles/{quote_path(row.username)}", json={}, headers={}
    )
    assert response.status_code == 401


def test_delete_user(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.delete(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/profiles/{quote_path(row.username)}").status_code == 404


def test_delete_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/profiles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_user_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.delete(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/profiles/{quote_path(row.username)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.delete(f"/profiles/{quote_path(row.username)}", headers={})
    assert response.status_code == 401
