"""The API shape of /comments: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_comment
from tests.utils import quote_path, run


def test_get_comment_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_comment)
    response = client.get(f"/comments/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    item = response.json()
    assert sorted(item) == [
        "approved",
        "body",
        "createdAt",
        "id",
        "postId",
        "rating",
        "updatedAt",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_comments_answers_the_shape(client: TestClient) -> None:
    run(client, create_comment)
    response = client.get("/comments")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["items", "limit", "offset", "total"]
    assert sorted(page["items"][0]) == [
        "approved",
        "body",
        "createdAt",
        "id",
        "postId",
        "rating",
        "updatedAt",
    ]
    assert page["total"] >= 1
