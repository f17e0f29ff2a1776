"""Tests of /accounts."""

from fastapi.testclient import TestClient

from tests.factories import account_payload, create_account
from tests.utils import quote_path, run, sign_in


def test_list_accounts(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_account)
    response = client.get("/accounts", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_accounts_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_account)
    first = client.get(
        "/accounts", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/accounts", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_accounts_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/accounts", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_accounts_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/accounts", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/accounts", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_account(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_account)
    response = client.get(f"/accounts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_account_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/accounts/999999999", headers=headers)
    assert response.status_code == 404


def test_create_account(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, account_payload)
    response = client.post("/accounts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    assert "password" not in created


def test_create_account_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/accounts", json={}, headers=headers)
    assert response.status_code == 422


def test_create_account_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, account_payload)
    assert client.post("/accounts", json=body, headers=headers).status_code == 201
    response = client.post("/accounts", json=body, headers=headers)
    assert response.status_code == 409


def test_update_account(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(f"/accounts/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_account_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/accounts/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_account_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(
        f"/accounts/{quote_path(row.id)}", json={"email": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_account_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.patch(f"/accounts/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/accounts/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_account_unauthenticated(client: TestClient) -> None:
    row = run(client, create_account)
    response = client.patch(f"/accounts/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_account(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.delete(f"/accounts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/accounts/{quote_path(row.id)}").status_code == 404


def test_delete_account_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/accounts/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_account_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = owner
    _, headers = sign_in(client)
    response = client.delete(f"/accounts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/accounts/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_account_unauthenticated(client: TestClient) -> None:
    row = run(client, create_account)
    response = client.delete(f"/accounts/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
