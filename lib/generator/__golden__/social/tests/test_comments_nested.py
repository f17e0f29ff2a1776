"""Comment nested under Post: /posts/{post_id}/comments."""

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_comment, create_post
from tests.utils import quote_path, run, sign_in


def test_list_comments_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    other_parent = run(client, create_post, owned_by=user)
    first = run(client, create_comment, owned_by=user, post_id=parent.id)
    second = run(client, create_comment, owned_by=user, post_id=parent.id)
    run(client, create_comment, owned_by=user, post_id=other_parent.id)
    response = client.get(f"/posts/{quote_path(parent.id)}/comments", headers=headers)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 2
    assert {item["id"] for item in page["items"]} == {first.id, second.id}


def test_list_comments_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/posts/999999999/comments", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_list_comments_viewer_anonymous(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    response = client.get(f"/posts/{quote_path(parent.id)}/comments", headers={})
    assert response.status_code == 200, response.text


def test_list_comments_viewer_invalid_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    response = client.get(
        f"/posts/{quote_path(parent.id)}/comments",
        headers={"Authorization": "Bearer not-a-valid-token"},
    )
    assert response.status_code == 401


def test_get_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.get(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_get_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    other_parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=other_parent.id)
    response = client.get(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404


def test_get_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.get(
        f"/posts/999999999/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_get_comment_viewer_anonymous(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.get(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}", headers={}
    )
    assert response.status_code == 200, response.text


def test_get_comment_viewer_invalid_token(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.get(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}",
        headers={"Authorization": "Bearer not-a-valid-token"},
    )
    assert response.status_code == 401


def test_create_comment_parent_from_path(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    body = run(client, comment_payload, owned_by=user)
    response = client.post(
        f"/posts/{quote_path(parent.id)}/comments", json=body, headers=headers
    )
    assert response.status_code == 201, response.text
    assert response.json()["post_id"] == parent.id


def test_create_comment_parent_not_in_body(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    other_parent = run(client, create_post, owned_by=user)
    body = run(client, comment_payload, owned_by=user)
    body["post_id"] = other_parent.id
    response = client.post(
        f"/posts/{quote_path(parent.id)}/comments", json=body, headers=headers
    )
    assert response.status_code == 422


def test_create_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    response = client.post("/posts/999999999/comments", json=body, headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_update_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.patch(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    other_parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=other_parent.id)
    response = client.patch(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}",
        json={},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.patch(
        f"/posts/999999999/comments/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_update_comment_not_row_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    _, stranger = sign_in(client)
    response = client.patch(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}",
        json={},
        headers=stranger,
    )
    assert response.status_code == 404


def test_delete_comment_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.delete(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 204, response.text


def test_delete_comment_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    other_parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=other_parent.id)
    response = client.delete(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404


def test_delete_comment_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    response = client.delete(
        f"/posts/999999999/comments/{quote_path(row.id)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_delete_comment_not_row_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_post, owned_by=user)
    row = run(client, create_comment, owned_by=user, post_id=parent.id)
    _, stranger = sign_in(client)
    response = client.delete(
        f"/posts/{quote_path(parent.id)}/comments/{quote_path(row.id)}",
        headers=stranger,
    )
    assert response.status_code == 404
