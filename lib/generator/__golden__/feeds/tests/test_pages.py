"""Tests of /pages."""

from fastapi.testclient import TestClient

from tests.factories import create_page, page_payload
from tests.utils import quote_path, run, sign_in


def test_list_pages(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_page)
    response = client.get("/pages", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_pages_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_page)
    first = client.get(
        "/pages", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/pages", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_pages_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/pages", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_pages_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/pages", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/pages", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_page(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_page)
    response = client.get(f"/pages/{quote_path(row.company.name)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_page_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/pages/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_page(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, page_payload, owned_by=user)
    response = client.post("/pages", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["headline", "company_id"] if key in body}
    assert {key: created[key] for key in sent} == sent


def test_create_page_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/pages", json={}, headers=headers)
    assert response.status_code == 422


def test_create_page_unauthenticated(client: TestClient) -> None:
    body = run(client, page_payload)
    response = client.post("/pages", json=body, headers={})
    assert response.status_code == 401


def test_update_page(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_page, owned_by=user)
    n = 2
    response = client.patch(
        f"/pages/{quote_path(row.company.name)}",
        json={"headline": f"headline-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_page_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/pages/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_page_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_page, owned_by=user)
    response = client.patch(
        f"/pages/{quote_path(row.company.name)}",
        json={"headline": None},
        headers=headers,
    )
    assert response.status_code == 422


def test_update_page_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_page, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/pages/{quote_path(row.company.name)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/pages/{quote_path(row.company.name)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_page_unauthenticated(client: TestClient) -> None:
    row = run(client, create_page)
    response = client.patch(
        f"/pages/{quote_path(row.company.name)}", json={}, headers={}
    )
    assert response.status_code == 401


def test_delete_page(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_page, owned_by=user)
    response = client.delete(f"/pages/{quote_path(row.company.name)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/pages/{quote_path(row.company.name)}").status_code == 404


def test_delete_page_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/pages/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_page_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_page, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/pages/{quote_path(row.company.name)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/pages/{quote_path(row.company.name)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_page_unauthenticated(client: TestClient) -> None:
    row = run(client, create_page)
    response = client.delete(f"/pages/{quote_path(row.company.name)}", headers={})
    assert response.status_code == 401
