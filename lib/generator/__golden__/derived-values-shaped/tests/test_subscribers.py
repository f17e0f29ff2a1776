"""Tests of /subscribers."""

from fastapi.testclient import TestClient

from tests.factories import create_subscriber, subscriber_payload
from tests.utils import quote_path, run


def test_list_subscribers(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_subscriber)
    response = client.get("/subscribers", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_subscribers_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_subscriber)
    first = client.get(
        "/subscribers", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/subscribers", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_subscribers_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/subscribers", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_subscribers_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/subscribers", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert "offset" in response.json()["errors"], response.text
    response = client.get("/subscribers", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_subscriber(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_subscriber)
    response = client.get(f"/subscribers/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_subscriber_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/subscribers/999999999", headers=headers)
    assert response.status_code == 404


def test_create_subscriber(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, subscriber_payload)
    response = client.post("/subscribers", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["listName", "email"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/subscribers/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_subscriber_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/subscribers", json={}, headers=headers)
    assert response.status_code == 422


def test_update_subscriber(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_subscriber)
    n = 2
    whole = run(client, subscriber_payload)
    whole.update({"listName": f"list-name-{n}"})
    response = client.put(
        f"/subscribers/{quote_path(row.id)}", json=whole, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_subscriber_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, subscriber_payload)
    response = client.put("/subscribers/999999999", json=whole, headers=headers)
    assert response.status_code == 404


def test_update_subscriber_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_subscriber)
    whole = run(client, subscriber_payload)
    whole.update({"listName": None})
    response = client.put(
        f"/subscribers/{quote_path(row.id)}", json=whole, headers=headers
    )
    assert response.status_code == 422


def test_delete_subscriber(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_subscriber)
    response = client.delete(f"/subscribers/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/subscribers/{quote_path(row.id)}").status_code == 404


def test_delete_subscriber_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/subscribers/999999999", headers=headers)
    assert response.status_code == 404
