"""Tests of /members."""

from fastapi.testclient import TestClient

from tests.factories import create_member, member_payload
from tests.utils import quote_path, run


def test_get_member(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_member)
    response = client.get(f"/members/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_member_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/members/999999999", headers=headers)
    assert response.status_code == 404


def test_create_member(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, member_payload)
    response = client.post("/members", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    assert "password" not in created
    sent = {key: body[key] for key in ["handle", "bio"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/members/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_member_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/members", json={}, headers=headers)
    assert response.status_code == 422


def test_create_member_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, member_payload)
    assert client.post("/members", json=body, headers=headers).status_code == 201
    response = client.post("/members", json=body, headers=headers)
    assert response.status_code == 409
