"""Tests of /posts."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_post, create_user, post_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/posts", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_posts(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_post)
    response = client.get("/posts", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_posts_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_post)
    first = client.get(
        "/posts", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/posts", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_posts_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/posts", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_posts_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/posts", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/posts", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_posts_filter_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    n = 809434
    parent = run(client, create_user, username=f"username{n}")
    n = 809435
    other_parent = run(client, create_user, username=f"username{n}")
    row = run(client, create_post, author_id=parent.id)
    other = run(client, create_post, author_id=other_parent.id)
    ids = _listed_ids(client, {"author": str(parent.username)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_posts_sort_likes_count(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_post)
    for order in ("likes_count", "-likes_count"):
        response = client.get("/posts", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_posts_sort_id(client: TestClient) -> None:
    headers: dict[str, str] = {}
    low = run(client, create_post)
    high = run(client, create_post)
    ours = {low.id, high.id}
    ascending = [i for i in _listed_ids(client, {"sort": "id"}, headers) if i in ours]
    assert ascending == [low.id, high.id]
    descending = [i for i in _listed_ids(client, {"sort": "-id"}, headers) if i in ours]
    assert descending == [high.id, low.id]


def test_list_posts_unknown_sort(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/posts", params={"sort": "no_such_field"}, headers=headers)
    assert response.status_code == 422


def test_get_post(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_post)
    response = client.get(f"/posts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_post_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/posts/999999999", headers=headers)
    assert response.status_code == 404


def test_create_post(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["body"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/posts/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_post_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/posts", json={}, headers=headers)
    assert response.status_code == 422


def test_create_post_unauthenticated(client: TestClient) -> None:
    body = run(client, post_payload)
    response = client.post("/posts", json=body, headers={})
    assert response.status_code == 401


def test_update_post(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    n = 2
    response = client.patch(
        f"/posts/{quote_path(row.id)}", json={"body": f"body-{n}"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_post_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/posts/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_post_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    response = client.patch(
        f"/posts/{quote_path(row.id)}", json={"body": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_post_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_post, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(f"/posts/{quote_path(row.id)}", json={}, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/posts/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_post_unauthenticated(client: TestClient) -> None:
    row = run(client, create_post)
    response = client.patch(f"/posts/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_post(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_post, owned_by=user)
    response = client.delete(f"/posts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/posts/{quote_path(row.id)}").status_code == 404


def test_delete_post_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/posts/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_post_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_post, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/posts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/posts/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_post_unauthenticated(client: TestClient) -> None:
    row = run(client, create_post)
    response = client.delete(f"/posts/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
