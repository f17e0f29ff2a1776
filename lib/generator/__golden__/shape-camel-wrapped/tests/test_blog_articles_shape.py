"""The API shape of /blog-articles: JSON names, envelopes, list keys, verbs."""

import datetime as dt
import re

from fastapi.testclient import TestClient

from tests.factories import blog_article_payload, create_blog_article
from tests.utils import quote_path, run


def test_get_blog_article_answers_the_shape(client: TestClient) -> None:
    row = run(client, create_blog_article)
    response = client.get(f"/blog-articles/{quote_path(row.id)}")
    assert response.status_code == 200, response.text
    assert list(response.json()) == ["blogArticle"]
    item = response.json()["blogArticle"]
    assert sorted(item) == [
        "bodyText",
        "createdAt",
        "id",
        "publishedAt",
        "title",
        "updatedAt",
        "viewCount",
        "writtenBy",
        "writtenById",
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["createdAt"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", item["updatedAt"])


def test_list_blog_articles_answers_the_shape(client: TestClient) -> None:
    run(client, create_blog_article)
    response = client.get("/blog-articles")
    assert response.status_code == 200, response.text
    page = response.json()
    assert sorted(page) == ["blogArticles", "blogArticlesCount"]
    assert sorted(page["blogArticles"][0]) == [
        "bodyText",
        "createdAt",
        "id",
        "publishedAt",
        "title",
        "updatedAt",
        "viewCount",
        "writtenBy",
        "writtenById",
    ]
    assert page["blogArticlesCount"] >= 1


def test_create_blog_article_needs_the_envelope(client: TestClient) -> None:
    body = run(client, blog_article_payload)
    response = client.post("/blog-articles", json=body)
    assert response.status_code == 422
    response = client.post("/blog-articles", json={"blogArticle": body})
    assert response.status_code == 201, response.text


def test_create_blog_article_accepts_attribute_names(client: TestClient) -> None:
    body = run(client, blog_article_payload)
    names = {
        "bodyText": "body_text",
        "viewCount": "view_count",
        "publishedAt": "published_at",
        "writtenById": "written_by_id",
        "writtenBy": "written_by",
        "createdAt": "created_at",
        "updatedAt": "updated_at",
    }
    by_name = {names.get(key, key): value for key, value in body.items()}
    response = client.post("/blog-articles", json={"blogArticle": by_name})
    assert response.status_code == 201, response.text
    assert sorted(response.json()["blogArticle"]) == [
        "bodyText",
        "createdAt",
        "id",
        "publishedAt",
        "title",
        "updatedAt",
        "viewCount",
        "writtenBy",
        "writtenById",
    ]


def test_replace_blog_article_replaces_the_whole_object(client: TestClient) -> None:
    row = run(
        client,
        create_blog_article,
        published_at=dt.datetime(2024, 1, 15, 12, 0, tzinfo=dt.UTC),
    )
    response = client.put(
        f"/blog-articles/{quote_path(row.id)}", json={"blogArticle": {}}
    )
    assert response.status_code == 422
    assert "title" in {error["loc"][-1] for error in response.json()["detail"]}
    whole = run(client, blog_article_payload)
    whole.pop("publishedAt", None)
    response = client.put(
        f"/blog-articles/{quote_path(row.id)}", json={"blogArticle": whole}
    )
    assert response.status_code == 200, response.text
    assert response.json()["blogArticle"]["id"] == row.id
    assert response.json()["blogArticle"]["publishedAt"] is None


def test_update_blog_article_changes_only_what_is_sent(client: TestClient) -> None:
    row = run(client, create_blog_article)
    before = client.get(f"/blog-articles/{quote_path(row.id)}").json()["blogArticle"]
    response = client.patch(
        f"/blog-articles/{quote_path(row.id)}", json={"blogArticle": {}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["blogArticle"]["title"] == before["title"]
