"""Tests of /tags."""

from fastapi.testclient import TestClient

from tests.factories import create_tag, tag_payload
from tests.utils import quote_path, run


def test_list_tags(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tag)
    response = client.get("/tags", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_tags_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_tag)
    first = client.get(
        "/tags", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/tags", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_tags_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tags", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_tags_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tags", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/tags", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    response = client.get(f"/tags/{quote_path(row.name)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == str(row.id)


def test_get_tag_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/tags/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, tag_payload)
    response = client.post("/tags", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["name", "note"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/tags/{quote_path(created['name'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_tag_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/tags", json={}, headers=headers)
    assert response.status_code == 422


def test_create_tag_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, tag_payload)
    assert client.post("/tags", json=body, headers=headers).status_code == 201
    response = client.post("/tags", json=body, headers=headers)
    assert response.status_code == 409


def test_update_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    n = 2
    response = client.patch(
        f"/tags/{quote_path(row.name)}", json={"note": f"note-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(row.id)


def test_update_tag_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch("/tags/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_tag_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    response = client.patch(
        f"/tags/{quote_path(row.name)}", json={"name": None}, headers=headers
    )
    assert response.status_code == 422


def test_replace_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    n = 2
    whole = run(client, tag_payload)
    whole.update({"note": f"note-{n}"})
    response = client.put(f"/tags/{quote_path(row.name)}", json=whole, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(row.id)


def test_replace_tag_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, tag_payload)
    response = client.put("/tags/no-such-value-zz", json=whole, headers=headers)
    assert response.status_code == 404


def test_replace_tag_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    whole = run(client, tag_payload)
    whole.update({"name": None})
    response = client.put(f"/tags/{quote_path(row.name)}", json=whole, headers=headers)
    assert response.status_code == 422


def test_delete_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_tag)
    response = client.delete(f"/tags/{quote_path(row.name)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/tags/{quote_path(row.name)}").status_code == 404


def test_delete_tag_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/tags/no-such-value-zz", headers=headers)
    assert response.status_code == 404
