"""Tests of /notes."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_note, note_payload
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "take": 100, "skip": len(ids)}
        response = client.get("/notes", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page]
        if not page or len(page) < 100:
            return ids


def test_list_notes(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_note)
    response = client.get("/notes", params={"take": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page) == 2


def test_list_notes_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_note)
    first = client.get("/notes", params={"take": 1, "skip": 0}, headers=headers).json()
    second = client.get("/notes", params={"take": 1, "skip": 1}, headers=headers).json()
    assert first[0]["id"] != second[0]["id"]


def test_list_notes_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/notes", params={"take": 101}, headers=headers)
    assert response.status_code == 422


def test_list_notes_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/notes", params={"skip": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "skip"]
    response = client.get("/notes", params={"skip": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_notes_filter_is_pinned(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note, pinned=False)
    other = run(client, create_note, pinned=True)
    ids = _listed_ids(client, {"is_pinned": str(row.pinned).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_notes_sort_rank(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_note, rank=1)
    high = run(client, create_note, rank=2)
    empty = run(client, create_note, rank=None)
    ours = {low.id, high.id, empty.id}
    ascending = [i for i in _listed_ids(client, {"sort": "rank"}, headers) if i in ours]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-rank"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_notes_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/notes", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_get_note(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note)
    response = client.get(f"/notes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_note_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/notes/999999999", headers=headers)
    assert response.status_code == 404


def test_create_note(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, note_payload)
    response = client.post("/notes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["title", "pinned", "rank"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/notes/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_note_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/notes", json={}, headers=headers)
    assert response.status_code == 422


def test_update_note(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note)
    n = 2
    whole = run(client, note_payload)
    whole.update({"title": f"title-{n}"})
    response = client.put(f"/notes/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_note_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, note_payload)
    response = client.put("/notes/999999999", json=whole, headers=headers)
    assert response.status_code == 404


def test_update_note_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note)
    whole = run(client, note_payload)
    whole.update({"title": None})
    response = client.put(f"/notes/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 422


def test_delete_note(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_note)
    response = client.delete(f"/notes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/notes/{quote_path(row.id)}").status_code == 404


def test_delete_note_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/notes/999999999", headers=headers)
    assert response.status_code == 404
