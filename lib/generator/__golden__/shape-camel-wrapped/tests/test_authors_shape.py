"""The API shape of /authors: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import author_payload, create_author
from tests.utils import quote_path, run


def test_get_author_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_author)
    response = client.get(f"/authors/{quote_path(row.username)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["author"]
    item = response.json()["author"]
    assert sorted(item) == [
        "createdAt",
        "handle",
        "id",
        "shortBio",
        "updatedAt",
        "username",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_authors_answers_the_shape(client: TestClient) -> None:
    run(client, create_author)
    response = client.get("/authors")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["authors", "authorsCount"]
    assert sorted(page["authors"][0]) == [
        "createdAt",
        "handle",
        "id",
        "shortBio",
        "updatedAt",
        "username",
    ]
    assert page["authorsCount"] >= 1


def test_create_author_needs_the_envelope(client: TestClient) -> None:
    body = run(client, author_payload)
    response = client.post("/authors", json=body)
    assert response.status_code == 422
    response = client.post("/authors", json={"author": body})
    assert response.status_code == 201, response.text


def test_create_author_accepts_attribute_names(client: TestClient) -> None:
    body = run(client, author_payload)
    names = {
        "handle": "display_name",
        "shortBio": "short_bio",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
    }
    by_name = {names.get(key, key): value for key, value in body.items()}
    response = client.post("/authors", json={"author": by_name})
    assert response.status_code == 201, response.text
    assert sorted(response.json()["author"]) == [
        "createdAt",
        "handle",
        "id",
        "shortBio",
        "updatedAt",
        "username",
    ]


def test_update_author_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_author)
    before = client.get(f"/authors/{quote_path(row.username)}").json()["author"]
    response = client.patch(f"/authors/{quote_path(row.username)}", json={"author": {}})
    assert response.status_code == 200, response.text
    assert response.json()["author"]["username"] == before["username"]
