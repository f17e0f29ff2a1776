"""Tests of /tickets."""

from fastapi.testclient import TestClient

from tests.factories import create_ticket, ticket_payload
from tests.utils import quote_path, run, sign_in


def test_list_tickets(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_ticket)
    response = client.get("/tickets", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_tickets_offset(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_ticket)
    first = client.get(
        "/tickets", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/tickets", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_tickets_limit_too_large(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/tickets", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_tickets_offset_out_of_range(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/tickets", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/tickets", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_tickets_unauthenticated(client: TestClient) -> None:
    response = client.get("/tickets", headers={})
    assert response.status_code == 401


def test_get_ticket(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_ticket)
    response = client.get(f"/tickets/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == str(row.id)


def test_get_ticket_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get(
        ("/tickets/00000000-0000-0000-0000-000000000000"), headers=headers
    )
    assert response.status_code == 404


def test_get_ticket_unauthenticated(client: TestClient) -> None:
    row = run(client, create_ticket)
    response = client.get(f"/tickets/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_create_ticket(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, ticket_payload, owned_by=user)
    response = client.post("/tickets", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    assert "pin" not in created
    assert "secret" not in created
    sent = {key: body[key] for key in ["title"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/tickets/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_ticket_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/tickets", json={}, headers=headers)
    assert response.status_code == 422


def test_create_ticket_unauthenticated(client: TestClient) -> None:
    body = run(client, ticket_payload)
    response = client.post("/tickets", json=body, headers={})
    assert response.status_code == 401


def test_update_ticket(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_ticket, owned_by=user)
    n = 2
    response = client.patch(
        f"/tickets/{quote_path(row.id)}", json={"title": f"title-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(row.id)


def test_update_ticket_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch(
        ("/tickets/00000000-0000-0000-0000-000000000000"), json={}, headers=headers
    )
    assert response.status_code == 404


def test_update_ticket_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_ticket, owned_by=user)
    response = client.patch(
        f"/tickets/{quote_path(row.id)}", json={"title": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_ticket_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_ticket, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(f"/tickets/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/tickets/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_ticket_unauthenticated(client: TestClient) -> None:
    row = run(client, create_ticket)
    response = client.patch(f"/tickets/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_ticket(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_ticket, owned_by=user)
    response = client.delete(f"/tickets/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/tickets/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_ticket_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete(
        ("/tickets/00000000-0000-0000-0000-000000000000"), headers=headers
    )
    assert response.status_code == 404


def test_delete_ticket_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_ticket, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/tickets/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/tickets/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_ticket_unauthenticated(client: TestClient) -> None:
    row = run(client, create_ticket)
    response = client.delete(f"/tickets/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
