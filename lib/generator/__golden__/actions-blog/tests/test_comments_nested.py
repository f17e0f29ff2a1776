"""Comment nested under Article: /articles/{slug}/comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_article, create_comment
from tests.utils import quote_path, run, sign_in


def test_list_comments_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    first = run(client, create_comment, owned_by=user, article_id=parent.id)
    second = run(client, create_comment, owned_by=user, article_id=parent.id)
    run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments", headers=headers
    )
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 2
    assert {item["id"] for item in page["items"]} == {first.id, second.id}


def test_list_comments_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/articles/no-such-value-zz/comments", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_get_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_get_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_get_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/no-such-value-zz/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_create_comment_parent_from_path(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    body = run(client, comment_payload, owned_by=user)
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/comments", json=body, headers=headers
    )
    assert response.status_code == 201, response.text
    assert response.json()["article_id"] == parent.id


def test_create_comment_parent_not_in_body(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    body = run(client, comment_payload, owned_by=user)
    body["article_id"] = other_parent.id
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/comments", json=body, headers=headers
    )
    assert response.status_code == 422


def test_create_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    response = client.post(
        "/articles/no-such-value-zz/comments", json=body, headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_update_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.patch(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.patch(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.patch(
        f"/articles/no-such-value-zz/comments/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_update_comment_not_row_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    _, stranger = sign_in(client)
    response = client.patch(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        json={},
        headers=stranger,
    )
    assert response.status_code == 404


def test_delete_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 204, response.text


def test_delete_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=other_parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_delete_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/no-such-value-zz/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_delete_comment_not_row_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_comment, owned_by=user, article_id=parent.id)
    _, stranger = sign_in(client)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/comments/{quote_path(row.id)}",
        headers=stranger,
    )
    assert response.status_code == 404
