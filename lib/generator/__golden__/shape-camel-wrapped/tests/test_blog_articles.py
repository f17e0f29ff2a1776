"""Tests of /blog-articles."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import blog_article_payload, create_author, create_blog_article
from tests.utils import quote_path, run


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "pageSize": 50, "page": len(ids) // 50 + 1}
        response = client.get("/blog-articles", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["blogArticles"]]
        if not page["blogArticles"] or len(ids) >= page["blogArticlesCount"]:
            return ids


def test_list_blog_articles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_blog_article)
    response = client.get("/blog-articles", params={"pageSize": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["blogArticles"]) == 2
    assert page["blogArticlesCount"] >= 3


def test_list_blog_articles_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_blog_article)
    first = client.get(
        "/blog-articles", params={"pageSize": 1, "page": 0 // 1 + 1}, headers=headers
    ).json()
    second = client.get(
        "/blog-articles", params={"pageSize": 1, "page": 1 // 1 + 1}, headers=headers
    ).json()
    assert first["blogArticles"][0]["id"] != second["blogArticles"][0]["id"]


def test_list_blog_articles_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/blog-articles", params={"pageSize": 51}, headers=headers)
    assert response.status_code == 422


def test_list_blog_articles_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/blog-articles", params={"page": 180143985094820}, headers=headers
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "page"]
    response = client.get(
        "/blog-articles", params={"page": 180143985094819}, headers=headers
    )
    assert response.status_code == 200, response.text


def test_list_blog_articles_filter_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 580003
    parent = run(client, create_author, username=f"username-{n}")
    n = 580004
    other_parent = run(client, create_author, username=f"username-{n}")
    row = run(client, create_blog_article, written_by_id=parent.id)
    other = run(client, create_blog_article, written_by_id=other_parent.id)
    ids = _listed_ids(client, {"author": str(parent.username)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_blog_articles_filter_viewCount(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article, view_count=1)
    other = run(client, create_blog_article, view_count=2)
    ids = _listed_ids(client, {"viewCount": str(row.view_count)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_blog_articles_sort_title(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 735098
    low = run(client, create_blog_article, title=f"title-{n}")
    n = 735099
    high = run(client, create_blog_article, title=f"title-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "title"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-title"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_blog_articles_sort_viewCount(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_blog_article, view_count=1)
    high = run(client, create_blog_article, view_count=2)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "viewCount"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-viewCount"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_blog_articles_sort_title_bytewise(client: TestClient) -> None:
    headers: dict[str, str] = {}
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_blog_article, title=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "title"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-title"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_blog_articles_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get(
        "/blog-articles", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_get_blog_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    response = client.get(f"/blog-articles/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["blogArticle"]["id"] == row.id


def test_get_blog_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/blog-articles/999999999", headers=headers)
    assert response.status_code == 404


def test_create_blog_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, blog_article_payload)
    response = client.post(
        "/blog-articles", json={"blogArticle": body}, headers=headers
    )
    assert response.status_code == 201, response.text
    created = response.json()["blogArticle"]
    assert "id" in created
    sent = {
        key: body[key]
        for key in ["title", "bodyText", "viewCount", "writtenById"]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/blog-articles/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()["blogArticle"][key] for key in sent} == sent


def test_create_blog_article_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/blog-articles", json={"blogArticle": {}}, headers=headers)
    assert response.status_code == 422


def test_update_blog_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    n = 2
    response = client.patch(
        f"/blog-articles/{quote_path(row.id)}",
        json={"blogArticle": {"title": f"title-{n}"}},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["blogArticle"]["id"] == row.id


def test_update_blog_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch(
        "/blog-articles/999999999", json={"blogArticle": {}}, headers=headers
    )
    assert response.status_code == 404


def test_update_blog_article_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    response = client.patch(
        f"/blog-articles/{quote_path(row.id)}",
        json={"blogArticle": {"title": None}},
        headers=headers,
    )
    assert response.status_code == 422


def test_replace_blog_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    n = 2
    whole = run(client, blog_article_payload)
    whole.update({"title": f"title-{n}"})
    response = client.put(
        f"/blog-articles/{quote_path(row.id)}",
        json={"blogArticle": whole},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["blogArticle"]["id"] == row.id


def test_replace_blog_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    whole = run(client, blog_article_payload)
    response = client.put(
        "/blog-articles/999999999", json={"blogArticle": whole}, headers=headers
    )
    assert response.status_code == 404


def test_replace_blog_article_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    whole = run(client, blog_article_payload)
    whole.update({"title": None})
    response = client.put(
        f"/blog-articles/{quote_path(row.id)}",
        json={"blogArticle": whole},
        headers=headers,
    )
    assert response.status_code == 422


def test_delete_blog_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_blog_article)
    response = client.delete(f"/blog-articles/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/blog-articles/{quote_path(row.id)}").status_code == 404


def test_delete_blog_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/blog-articles/999999999", headers=headers)
    assert response.status_code == 404
