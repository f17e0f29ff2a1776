"""Tests of /companies."""

from fastapi.testclient import TestClient

from tests.factories import company_payload, create_company
from tests.utils import quote_path, run, sign_in


def test_list_companies(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_company)
    response = client.get("/companies", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_companies_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_company)
    first = client.get(
        "/companies", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/companies", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_companies_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/companies", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_companies_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/companies", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/companies", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_company(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_company)
    response = client.get(f"/companies/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_company_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/companies/999999999", headers=headers)
    assert response.status_code == 404


def test_create_company(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, company_payload, owned_by=user)
    response = client.post("/companies", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["name"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/companies/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_company_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/companies", json={}, headers=headers)
    assert response.status_code == 422


def test_create_company_conflict(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, company_payload, owned_by=user)
    assert client.post("/companies", json=body, headers=headers).status_code == 201
    response = client.post("/companies", json=body, headers=headers)
    assert response.status_code == 409


def test_create_company_unauthenticated(client: TestClient) -> None:
    body = run(client, company_payload)
    response = client.post("/companies", json=body, headers={})
    assert response.status_code == 401


def test_update_company(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_company, owned_by=user)
    response = client.patch(
        f"/companies/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_company_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/companies/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_company_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_company, owned_by=user)
    response = client.patch(
        f"/companies/{quote_path(row.id)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_company_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_company, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/companies/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/companies/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_company_unauthenticated(client: TestClient) -> None:
    row = run(client, create_company)
    response = client.patch(f"/companies/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_company(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_company, owned_by=user)
    response = client.delete(f"/companies/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/companies/{quote_path(row.id)}").status_code == 404


def test_delete_company_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/companies/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_company_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_company, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/companies/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/companies/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_company_unauthenticated(client: TestClient) -> None:
    row = run(client, create_company)
    response = client.delete(f"/companies/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
