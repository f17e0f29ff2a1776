"""The API shape of /articles: JSON names, envelopes, list keys, verbs."""

import re

from fastapi.testclient import TestClient

from tests.factories import create_article
from tests.utils import quote_path, run


def test_get_article_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_article)
    response = client.get(f"/articles/{quote_path(row.slug)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["article"]
    item = response.json()["article"]
    assert sorted(item) == [
        "author",
        "authorId",
        "body",
        "createdAt",
        "description",
        "favorited",
        "favoritesCount",
        "id",
        "slug",
        "tagList",
        "title",
        "updatedAt",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_articles_answers_the_shape(client: TestClient) -> None:
    run(client, create_article)
    response = client.get("/articles")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["articles", "articlesCount"]
    assert sorted(page["articles"][0]) == [
        "author",
        "authorId",
        "body",
        "createdAt",
        "description",
        "favorited",
        "favoritesCount",
        "id",
        "slug",
        "tagList",
        "title",
        "updatedAt",
    ]
    assert page["articlesCount"] >= 1
