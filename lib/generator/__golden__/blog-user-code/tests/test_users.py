"""Tests of /users."""

from fastapi.testclient import TestClient

from app.enums import Role
from tests.factories import create_user, user_payload
from tests.utils import quote_path, run, sign_in


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


def test_create_user(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, user_payload)
    response = client.post("/users", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    assert "password" not in created
    sent = {key: body[key] for key in ["username", "bio"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/users/{quote_path(created['username'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


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
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_user)
    response = client.patch(
        f"/users/{quote_path(row.username)}", json={"role": "reader"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.patch("/users/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_user_invalid(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_user)
    response = client.patch(
        f"/users/{quote_path(row.username)}", json={"email": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.patch(f"/users/{quote_path(row.username)}", json={}, headers={})
    assert response.status_code == 401


def test_update_user_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.READER)
    row = run(client, create_user)
    response = client.patch(
        f"/users/{quote_path(row.username)}", json={}, headers=headers
    )
    assert response.status_code == 403


def test_delete_user(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    row = run(client, create_user)
    response = client.delete(f"/users/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/users/{quote_path(row.username)}").status_code == 404


def test_delete_user_not_found(client: TestClient) -> None:
    user, headers = sign_in(client, role=Role.ADMIN)
    response = client.delete("/users/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_user_unauthenticated(client: TestClient) -> None:
    row = run(client, create_user)
    response = client.delete(f"/users/{quote_path(row.username)}", headers={})
    assert response.status_code == 401


def test_delete_user_forbidden(client: TestClient) -> None:
    _, headers = sign_in(client, role=Role.READER)
    row = run(client, create_user)
    response = client.delete(f"/users/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 403
