"""Tests of /likes."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_like, like_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/likes", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_likes(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_like, owned_by=user)
    response = client.get("/likes", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_likes_offset(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_like, owned_by=user)
    first = client.get(
        "/likes", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/likes", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_likes_limit_too_large(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/likes", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_likes_offset_out_of_range(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/likes", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert "offset" in response.json()["errors"], response.text
    response = client.get("/likes", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_likes_only_own_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, _ = sign_in(client)
    mine = run(client, create_like, owned_by=user)
    theirs = run(client, create_like, owned_by=other)
    ids = _listed_ids(client, {}, headers)
    assert mine.id in ids
    assert theirs.id not in ids


def test_list_likes_unauthenticated(client: TestClient) -> None:
    response = client.get("/likes", headers={})
    assert response.status_code == 401


def test_get_like(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_like, owned_by=user)
    response = client.get(f"/likes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_like_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/likes/999999999", headers=headers)
    assert response.status_code == 404


def test_get_like_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_like, owned_by=owner)
    _, headers = sign_in(client)
    response = client.get(f"/likes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/likes/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_get_like_unauthenticated(client: TestClient) -> None:
    row = run(client, create_like)
    response = client.get(f"/likes/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_create_like(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, like_payload, owned_by=user)
    response = client.post("/likes", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["note", "postId"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/likes/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_like_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/likes", json={}, headers=headers)
    assert response.status_code == 422


def test_create_like_unauthenticated(client: TestClient) -> None:
    body = run(client, like_payload)
    response = client.post("/likes", json=body, headers={})
    assert response.status_code == 401


def test_update_like(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_like, owned_by=user)
    n = 2
    whole = run(client, like_payload, owned_by=user)
    whole.update({"note": f"note-{n}"})
    response = client.put(f"/likes/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_like_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    whole = run(client, like_payload, owned_by=user)
    response = client.put("/likes/999999999", json=whole, headers=headers)
    assert response.status_code == 404


def test_update_like_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_like, owned_by=user)
    whole = run(client, like_payload, owned_by=user)
    whole.update({"note": {"not": "valid"}})
    response = client.put(f"/likes/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 422


def test_update_like_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_like, owned_by=owner)
    _, headers = sign_in(client)
    whole = run(client, like_payload)
    response = client.put(f"/likes/{quote_path(row.id)}", json=whole, headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/likes/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_update_like_unauthenticated(client: TestClient) -> None:
    row = run(client, create_like)
    whole = run(client, like_payload)
    response = client.put(f"/likes/{quote_path(row.id)}", json=whole, headers={})
    assert response.status_code == 401


def test_delete_like(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_like, owned_by=user)
    response = client.delete(f"/likes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/likes/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_like_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/likes/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_like_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_like, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/likes/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(f"/likes/{quote_path(row.id)}", headers=owner_headers).status_code
        == 200
    )


def test_delete_like_unauthenticated(client: TestClient) -> None:
    row = run(client, create_like)
    response = client.delete(f"/likes/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
