"""Access and data exposure of /articles."""

from fastapi.testclient import TestClient

from tests.factories import article_payload, create_article, create_tag
from tests.utils import quote_path, run, sign_in


def test_create_article_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 422


def test_create_article_read_only_published_at(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["published_at"] = "2024-01-15T12:00:00Z"
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "published_at"]


def test_create_article_missing_editor_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["editor_id"] = 999999999
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "editor_id"]


def test_update_article_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    response = client.patch(
        f"/articles/{quote_path(row.slug)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_get_article_hides_rows_not_public(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    _, other_headers = sign_in(client)
    row = run(client, create_article, owned_by=owner, published=False)
    assert (
        client.get(
            f"/articles/{quote_path(row.slug)}", headers=other_headers
        ).status_code
        == 404
    )
    assert client.get(f"/articles/{quote_path(row.slug)}").status_code == 404
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=owner_headers)
    assert response.status_code == 200


def test_list_articles_hides_rows_not_public(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    _, other_headers = sign_in(client)
    row = run(client, create_article, owned_by=owner, published=False)
    response = client.get("/articles", params={"limit": 100}, headers=other_headers)
    assert response.status_code == 200
    assert all(item["published"] for item in response.json()["items"])
    assert row.id not in {item["id"] for item in response.json()["items"]}
    mine = client.get("/articles", params={"limit": 100}, headers=owner_headers).json()
    assert mine["total"] >= 1


def test_create_article_writes_tags(client: TestClient) -> None:
    user, headers = sign_in(client)
    first = run(client, create_tag)
    second = run(client, create_tag)
    body = run(client, article_payload, owned_by=user)
    body["tags"] = [first.id, second.id]
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    assert {item["id"] for item in response.json()["tags"]} == {first.id} | {second.id}


def test_create_article_unknown_tags(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["tags"] = [999999999]
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "tags"]


def test_update_article_writes_tags(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    first = run(client, create_tag)
    body = {"tags": [first.id]}
    response = client.patch(
        f"/articles/{quote_path(row.slug)}", json=body, headers=headers
    )
    assert response.status_code == 200, response.text
    assert {item["id"] for item in response.json()["tags"]} == {first.id}
    response = client.patch(
        f"/articles/{quote_path(row.slug)}", json={"tags": []}, headers=headers
    )
    assert {item["id"] for item in response.json()["tags"]} == set()
