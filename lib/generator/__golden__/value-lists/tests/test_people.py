"""Tests of /people."""

from fastapi.testclient import TestClient

from tests.factories import create_person, person_payload
from tests.utils import quote_path, run


def test_list_people(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_person)
    response = client.get("/people", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_people_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_person)
    first = client.get(
        "/people", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/people", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_people_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/people", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_people_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/people", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/people", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    response = client.get(f"/people/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_person_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/people/999999999", headers=headers)
    assert response.status_code == 404


def test_create_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, person_payload)
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["handle"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/people/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_person_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/people", json={}, headers=headers)
    assert response.status_code == 422


def test_create_person_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, person_payload)
    assert client.post("/people", json=body, headers=headers).status_code == 201
    response = client.post("/people", json=body, headers=headers)
    assert response.status_code == 409


def test_update_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    response = client.patch(f"/people/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_person_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/people/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_person_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    response = client.patch(
        f"/people/{quote_path(row.id)}", json={"handle": None}, headers=headers
    )
    assert response.status_code == 422


def test_replace_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    whole = run(client, person_payload)
    response = client.put(f"/people/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_replace_person_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, person_payload)
    response = client.put("/people/999999999", json=whole, headers=headers)
    assert response.status_code == 404


def test_replace_person_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    whole = run(client, person_payload)
    whole.update({"handle": None})
    response = client.put(f"/people/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 422


def test_delete_person(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_person)
    response = client.delete(f"/people/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/people/{quote_path(row.id)}").status_code == 404


def test_delete_person_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/people/999999999", headers=headers)
    assert response.status_code == 404
