"""Tests of /articles/{article_slug}/notes."""

from fastapi.testclient import TestClient

from tests.factories import create_note, note_payload
from tests.utils import quote_path, run, sign_in


def test_list_notes(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_note)
    response = client.get(
        "/articles/{article_slug}/notes", params={"limit": 2}, headers=headers
    )
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_notes_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_note)
    first = client.get(
        "/articles/{article_slug}/notes",
        params={"limit": 1, "offset": 0},
        headers=headers,
    ).json()
    second = client.get(
        "/articles/{article_slug}/notes",
        params={"limit": 1, "offset": 1},
        headers=headers,
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_notes_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/articles/{article_slug}/notes", params={"limit": 101}, headers=headers
    )
    assert response.status_code == 422


def test_list_notes_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/articles/{article_slug}/notes", params={"offset": 2**63}, headers=headers
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get(
        "/articles/{article_slug}/notes", params={"offset": 2**63 - 1}, headers=headers
    )
    assert response.status_code == 200, response.text


def test_get_note(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note)
    response = client.get(f"/articles/{article_slug}/notes", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_note_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles/{article_slug}/notes", headers=headers)
    assert response.status_code == 404


def test_create_note(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, note_payload, owned_by=user)
    response = client.post("/articles/{article_slug}/notes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["slug", "text"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/articles/{article_slug}/notes", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_note_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles/{article_slug}/notes", json={}, headers=headers)
    assert response.status_code == 422


def test_create_note_conflict(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, note_payload, owned_by=user)
    assert (
        client.post(
            "/articles/{article_slug}/notes", json=body, headers=headers
        ).status_code
        == 201
    )
    response = client.post("/articles/{article_slug}/notes", json=body, headers=headers)
    assert response.status_code == 409


def test_create_note_unauthenticated(client: TestClient) -> None:
    body = run(client, note_payload)
    response = client.post("/articles/{article_slug}/notes", json=body, headers={})
    assert response.status_code == 401


def test_update_note(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_note)
    n = 2
    response = client.patch(
        f"/articles/{article_slug}/notes", json={"text": f"text-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_note_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/articles/{article_slug}/notes", json={}, headers=headers)
    assert response.status_code == 404


def test_update_note_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_note)
    response = client.patch(
        f"/articles/{article_slug}/notes", json={"slug": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_note_unauthenticated(client: TestClient) -> None:
    row = run(client, create_note)
    response = client.patch(f"/articles/{article_slug}/notes", json={}, headers={})
    assert response.status_code == 401


def test_delete_note(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_note)
    response = client.delete(f"/articles/{article_slug}/notes", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/articles/{article_slug}/notes").status_code == 404


def test_delete_note_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/articles/{article_slug}/notes", headers=headers)
    assert response.status_code == 404


def test_delete_note_unauthenticated(client: TestClient) -> None:
    row = run(client, create_note)
    response = client.delete(f"/articles/{article_slug}/notes", headers={})
    assert response.status_code == 401
