"""Tests of /comments."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import comment_payload, create_comment, create_post
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/comments", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_comments(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_comment)
    response = client.get("/comments", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_comments_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_comment)
    first = client.get(
        "/comments", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/comments", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_comments_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/comments", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_comments_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/comments", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/comments", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_comments_filter_post_slug(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 243262
    parent = run(client, create_post, published=True, slug=f"slug-{n}")
    n = 243263
    other_parent = run(client, create_post, published=True, slug=f"slug-{n}")
    row = run(client, create_comment, post_id=parent.id)
    other = run(client, create_comment, post_id=other_parent.id)
    ids = _listed_ids(client, {"post_slug": str(parent.slug)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_get_comment(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_comment)
    response = client.get(f"/comments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_comment_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/comments/999999999", headers=headers)
    assert response.status_code == 404


def test_create_comment(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, comment_payload, owned_by=user)
    response = client.post("/comments", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["body", "post_id"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/comments/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_comment_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/comments", json={}, headers=headers)
    assert response.status_code == 422


def test_create_comment_unauthenticated(client: TestClient) -> None:
    body = run(client, comment_payload)
    response = client.post("/comments", json=body, headers={})
    assert response.status_code == 401


def test_update_comment(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    n = 2
    response = client.patch(
        f"/comments/{quote_path(row.id)}", json={"body": f"body-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_comment_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/comments/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_comment_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    response = client.patch(
        f"/comments/{quote_path(row.id)}", json={"body": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_comment_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_comment, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(f"/comments/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/comments/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_comment_unauthenticated(client: TestClient) -> None:
    row = run(client, create_comment)
    response = client.patch(f"/comments/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_comment(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_comment, owned_by=user)
    response = client.delete(f"/comments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/comments/{quote_path(row.id)}").status_code == 404


def test_delete_comment_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/comments/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_comment_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_comment, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/comments/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/comments/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_comment_unauthenticated(client: TestClient) -> None:
    row = run(client, create_comment)
    response = client.delete(f"/comments/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
