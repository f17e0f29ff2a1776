"""The API shape of /posts: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_post, post_payload
from tests.utils import quote_path, run


def test_get_post_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_post)
    response = client.get(f"/posts/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == [
        "categories",
        "created_at",
        "id",
        "tag_list",
        "title",
        "updated_at",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["created_at"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updated_at"])


def test_list_posts_answers_the_shape(client: TestClient) -> None:
    run(client, create_post)
    response = client.get("/posts")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "categories",
        "created_at",
        "id",
        "tag_list",
        "title",
        "updated_at",
    ]
    assert page["total"] >= 1


def test_create_post_accepts_attribute_names(client: TestClient) -> None:
    body = run(client, post_payload)
    names = {"tag_list": "tags"}
    by_name = {names.get(key, key): value for key, value in body.items()}
    response = client.post("/posts", json=by_name)
    assert response.status_code == 201, response.text
    assert sorted(response.json()) == [
        "categories",
        "created_at",
        "id",
        "tag_list",
        "title",
        "updated_at",
    ]


def test_replace_post_replaces_the_whole_object(client: TestClient) -> None:
    row = run(client, create_post)
    response = client.put(f"/posts/{quote_path(row.id)}", json={})
    assert response.status_code == 422
    assert "title" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, post_payload)
    response = client.put(f"/posts/{quote_path(row.id)}", json=whole)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_post_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_post)
    before = client.get(f"/posts/{quote_path(row.id)}").json()
    response = client.patch(f"/posts/{quote_path(row.id)}", json={})
    assert response.status_code == 200, response.text
    assert response.json()["title"] == before["title"]
