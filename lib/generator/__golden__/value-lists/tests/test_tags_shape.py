"""The API shape of /tags: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_tag, tag_payload
from tests.utils import quote_path, run


def test_get_tag_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_tag)
    response = client.get(f"/tags/{quote_path(row.name)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == ["created_at", "id", "name", "note", "updated_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["created_at"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updated_at"])


def test_list_tags_answers_the_shape(client: TestClient) -> None:
    run(client, create_tag)
    response = client.get("/tags")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "created_at",
        "id",
        "name",
        "note",
        "updated_at",
    ]
    assert page["total"] >= 1


def test_replace_tag_replaces_the_whole_object(client: TestClient) -> None:
    n = 1
    row = run(client, create_tag, note=f"note-{n}")
    response = client.put(f"/tags/{quote_path(row.name)}", json={})
    assert response.status_code == 422
    assert "name" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, tag_payload)
    whole.pop("note", None)
    response = client.put(f"/tags/{quote_path(row.name)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(row.id)
    assert response.json()["note"] is None


def test_update_tag_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_tag)
    before = client.get(f"/tags/{quote_path(row.name)}").json()
    response = client.patch(f"/tags/{quote_path(row.name)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["name"] == before["name"]
