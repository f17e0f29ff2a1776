"""Comment nested under Article: /articles/{slug}/comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_article, create_comment
from tests.utils import quote_path, run, sign_in


def test_list_comments_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    other_parent = run(client, create_article, owned_by=user)
    first = run(client, create_comment, owned_by=user, article_id=parent.id)
    second = run(client, create_comment, owned_by=user, article_id=parent.id)
    run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments", headers=headers
    )
    assert response.status_code == 200, response.text
    page = response.json()
    assert {item["id"] for item in page["comments"]} == {first.id, second.id}


def test_list_comments_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/articles/no-such-value-zz/comments", headers=headers)
    assert response.status_code == 404
    assert "Article not found" in response.json()["errors"]["body"]


def test_list_comments_viewer_anonymous(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    response = client.get(f"/articles/{quote_path(parent.slug)}/comments", headers={})
    assert response.status_code == 200, response.text


def test_list_comments_viewer_invalid_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments",
        headers={"Authorization": "Token not-a-valid-token"},
    )
    assert response.status_code == 401


def test_get_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["comment"]["id"] == row.id


def test_get_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    other_parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_get_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/no-such-value-zz/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert "Article not found" in response.json()["errors"]["body"]


def test_get_comment_viewer_anonymous(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}", headers={}
    )
    assert response.status_code == 200, response.text


def test_get_comment_viewer_invalid_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers={"Authorization": "Token not-a-valid-token"},
    )
    assert response.status_code == 401


def test_create_comment_parent_from_path(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    body = run(client, comment_payload, owned_by=user)
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/comments",
        json={"comment": body},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["comment"]["articleId"] == parent.id


def test_create_comment_parent_not_in_body(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    other_parent = run(client, create_article, owned_by=user)
    body = run(client, comment_payload, owned_by=user)
    body["articleId"] = other_parent.id
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/comments",
        json={"comment": body},
        headers=headers,
    )
    assert response.status_code == 422


def test_create_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    response = client.post(
        "/articles/no-such-value-zz/comments", json={"comment": body}, headers=headers
    )
    assert response.status_code == 404
    assert "Article not found" in response.json()["errors"]["body"]


def test_delete_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 204, response.text


def test_delete_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    other_parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_delete_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/no-such-value-zz/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert "Article not found" in response.json()["errors"]["body"]


def test_delete_comment_not_row_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    _, stranger = sign_in(client)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=stranger,
    )
    assert response.status_code == 404
