"""Tests of /articles."""

from fastapi.testclient import TestClient

from tests.factories import article_payload, create_article
from tests.utils import quote_path, run, sign_in


def test_list_articles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_article, published=True)
    response = client.get("/articles", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_articles_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_article, published=True)
    first = client.get(
        "/articles", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/articles", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_articles_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_articles_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/articles", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_article, published=True)
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {
        key: body[key]
        for key in ["slug", "title", "published", "editor_id"]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/articles/{quote_path(created['slug'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_article_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles", json={}, headers=headers)
    assert response.status_code == 422


def test_create_article_conflict(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    assert client.post("/articles", json=body, headers=headers).status_code == 201
    response = client.post("/articles", json=body, headers=headers)
    assert response.status_code == 409


def test_create_article_unauthenticated(client: TestClient) -> None:
    body = run(client, article_payload)
    response = client.post("/articles", json=body, headers={})
    assert response.status_code == 401


def test_update_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    n = 2
    response = client.patch(
        f"/articles/{quote_path(row.slug)}",
        json={"title": f"title-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_article_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/articles/no-such-value-zz", json={}, headers=headers)
    assert response.status_code == 404


def test_update_article_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    response = client.patch(
        f"/articles/{quote_path(row.slug)}", json={"slug": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_article_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_article, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/articles/{quote_path(row.slug)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/articles/{quote_path(row.slug)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_article_unauthenticated(client: TestClient) -> None:
    row = run(client, create_article)
    response = client.patch(f"/articles/{quote_path(row.slug)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    response = client.delete(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/articles/{quote_path(row.slug)}").status_code == 404


def test_delete_article_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/articles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_delete_article_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_article, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/articles/{quote_path(row.slug)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_article_unauthenticated(client: TestClient) -> None:
    row = run(client, create_article)
    response = client.delete(f"/articles/{quote_path(row.slug)}", headers={})
    assert response.status_code == 401
