"""Tests of /articles."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import article_payload, create_article, create_user
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/articles", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["articles"]]
        if not page["articles"] or len(ids) >= page["articlesCount"]:
            return ids


def test_list_articles(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_article)
    response = client.get("/articles", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["articles"]) == 2
    assert page["articlesCount"] >= 3


def test_list_articles_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_article)
    first = client.get(
        "/articles", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/articles", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert first["articles"][0]["id"] != second["articles"][0]["id"]


def test_list_articles_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_articles_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert "offset" in response.json()["errors"], response.text
    response = client.get("/articles", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_articles_filter_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 438928
    parent = run(client, create_user, username=f"username-{n}")
    n = 438929
    other_parent = run(client, create_user, username=f"username-{n}")
    row = run(client, create_article, author_id=parent.id)
    other = run(client, create_article, author_id=other_parent.id)
    ids = _listed_ids(client, {"author": str(parent.username)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_articles_filter_tag(client: TestClient) -> None:
    headers: dict[str, str] = {}
    run(client, create_article)
    n = 1
    response = client.get(
        "/articles", params={"tag": str(f"name-{n}")}, headers=headers
    )
    assert response.status_code == 200


def test_get_article(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_article)
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["article"]["id"] == row.id


def test_get_article_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/articles/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["article"]
    assert "id" in created
    sent = {key: body[key] for key in ["title", "description", "body"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/articles/{quote_path(created['slug'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()["article"][key] for key in sent} == sent


def test_create_article_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/articles", json={"article": {}}, headers=headers)
    assert response.status_code == 422


def test_create_article_unauthenticated(client: TestClient) -> None:
    body = run(client, article_payload)
    response = client.post("/articles", json={"article": body}, headers={})
    assert response.status_code == 401


def test_update_article(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    n = 2
    whole = run(client, article_payload, owned_by=user)
    whole.update({"title": f"title-{n}"})
    response = client.put(
        f"/articles/{quote_path(row.slug)}", json={"article": whole}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["id"] == row.id


def test_update_article_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    whole = run(client, article_payload, owned_by=user)
    response = client.put(
        "/articles/no-such-value-zz", json={"article": whole}, headers=headers
    )
    assert response.status_code == 404


def test_update_article_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article, owned_by=user)
    whole = run(client, article_payload, owned_by=user)
    whole.update({"title": None})
    response = client.put(
        f"/articles/{quote_path(row.slug)}", json={"article": whole}, headers=headers
    )
    assert response.status_code == 422


def test_update_article_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_article, owned_by=owner)
    _, headers = sign_in(client)
    whole = run(client, article_payload)
    response = client.put(
        f"/articles/{quote_path(row.slug)}", json={"article": whole}, headers=headers
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
    whole = run(client, article_payload)
    response = client.put(
        f"/articles/{quote_path(row.slug)}", json={"article": whole}, headers={}
    )
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
