"""The API shape of /notes: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_note, note_payload
from tests.utils import quote_path, run


def test_get_note_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_note)
    response = client.get(f"/notes/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["created", "id", "modified", "pinned", "rank", "title"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["created"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["modified"])


def test_list_notes_answers_the_shape(client: TestClient) -> None:
    run(client, create_note)
    response = client.get("/notes")
    assert response.status_code == 200, response.text
    page = response.json()
    assert isinstance(page, list)
    assert sorted(page[0]) == ["created", "id", "modified", "pinned", "rank", "title"]


def test_create_note_accepts_attribute_names(client: TestClient) -> None:
    body = run(client, note_payload)
    names = {"created": "created_at", "modified": "updated_at"}
    by_name = {names.get(key, key): value for key, value in body.items()}
    response = client.post("/notes", json=by_name)
    assert response.status_code == 201, response.text
    assert sorted(response.json()) == [
        "created",
        "id",
        "modified",
        "pinned",
        "rank",
        "title",
    ]


def test_update_note_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_note, rank=1)
    response = client.put(f"/notes/{quote_path(row.id)}", json={})
    assert response.status_code == 422
    assert "title" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, note_payload)
    whole.pop("rank", None)
    response = client.put(f"/notes/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id
    assert response.json()["rank"] is None
