"""The API shape of /posts: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_post
from tests.utils import quote_path, run


def test_get_post_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_post)
    response = client.get(f"/posts/{quote_path(row.slug)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == [
        "authorId",
        "body",
        "createdAt",
        "id",
        "published",
        "publishedAt",
        "slug",
        "title",
        "updatedAt",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_posts_answers_the_shape(client: TestClient) -> None:
    run(client, create_post)
    response = client.get("/posts")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "authorId",
        "body",
        "createdAt",
        "id",
        "published",
        "publishedAt",
        "slug",
        "title",
        "updatedAt",
    ]
    assert page["total"] >= 1
