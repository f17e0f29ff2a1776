"""Tests of /tallies."""

from fastapi.testclient import TestClient

from tests.factories import create_tally, tally_payload
from tests.utils import quote_path, run


def test_list_tallies(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tally)
    response = client.get("/tallies", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_tallies_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tally)
    first = client.get(
        "/tallies", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/tallies", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_tallies_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tallies", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_tallies_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tallies", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/tallies", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_tally(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tally)
    response = client.get(f"/tallies/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_tally_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tallies/999999999", headers=headers)
    assert response.status_code == 404


def test_create_tally(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, tally_payload)
    response = client.post("/tallies", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["statement"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/tallies/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_tally_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/tallies", json={}, headers=headers)
    assert response.status_code == 422


def test_update_tally(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tally)
    n = 2
    response = client.patch(
        f"/tallies/{quote_path(row.id)}",
        json={"statement": f"statement-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_tally_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/tallies/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_tally_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tally)
    response = client.patch(
        f"/tallies/{quote_path(row.id)}", json={"statement": None}, headers=headers
    )
    assert response.status_code == 422


def test_delete_tally(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tally)
    response = client.delete(f"/tallies/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/tallies/{quote_path(row.id)}").status_code == 404


def test_delete_tally_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/tallies/999999999", headers=headers)
    assert response.status_code == 404
