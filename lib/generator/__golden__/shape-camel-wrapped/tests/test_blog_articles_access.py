"""Access and data exposure of /blog-articles."""

from fastapi.testclient import TestClient

from tests.factories import blog_article_payload, create_blog_article
from tests.utils import quote_path, run


def test_create_blog_article_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, blog_article_payload)
    body["zz_not_a_field"] = 1
    response = client.post(
        "/blog-articles", json={"blogArticle": body}, headers=headers
    )
    assert response.status_code == 422


def test_create_blog_article_missing_written_by_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, blog_article_payload)
    body["writtenById"] = 999999999
    response = client.post(
        "/blog-articles", json={"blogArticle": body}, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "writtenById"]


def test_update_blog_article_unknown_field(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    response = client.patch(
        f"/blog-articles/{quote_path(row.id)}",
        json={"blogArticle": {"zz_not_a_field": 1}},
        headers=headers,
    )
    assert response.status_code == 422
