"""Tests of /todo-lists."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_todo_list, todo_list_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 100, "offset": len(ids)}
        response = client.get("/todo-lists", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_todo_lists(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_list, owned_by=user)
    response = client.get("/todo-lists", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_todo_lists_offset(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_list, owned_by=user)
    first = client.get(
        "/todo-lists", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/todo-lists", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_todo_lists_limit_too_large(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-lists", params={"limit": 101}, headers=headers)
    assert response.status_code == 422


def test_list_todo_lists_offset_out_of_range(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-lists", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/todo-lists", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_todo_lists_sort_title(client: TestClient) -> None:
    user, headers = sign_in(client)
    n = 728936
    low = run(client, create_todo_list, owned_by=user, title=f"title-{n}")
    n = 728937
    high = run(client, create_todo_list, owned_by=user, title=f"title-{n}")
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "title"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-title"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_todo_lists_sort_title_bytewise(client: TestClient) -> None:
    user, headers = sign_in(client)
    rows = []
    for value in ("Zeta", "alpha", "zeta", "Émile"):
        rows.append(run(client, create_todo_list, owned_by=user, title=value))
    ours = [row.id for row in rows]
    ascending = [
        i for i in _listed_ids(client, {"sort": "title"}, headers) if i in ours
    ]
    assert ascending == ours
    descending = [
        i for i in _listed_ids(client, {"sort": "-title"}, headers) if i in ours
    ]
    assert descending == ours[::-1]


def test_list_todo_lists_unknown_sort(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get(
        "/todo-lists", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_list_todo_lists_only_own_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, _ = sign_in(client)
    mine = run(client, create_todo_list, owned_by=user)
    theirs = run(client, create_todo_list, owned_by=other)
    ids = _listed_ids(client, {}, headers)
    assert mine.id in ids
    assert theirs.id not in ids


def test_list_todo_lists_unauthenticated(client: TestClient) -> None:
    response = client.get("/todo-lists", headers={})
    assert response.status_code == 401


def test_get_todo_list(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=user)
    response = client.get(f"/todo-lists/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_todo_list_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-lists/999999999", headers=headers)
    assert response.status_code == 404


def test_get_todo_list_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=owner)
    _, headers = sign_in(client)
    response = client.get(f"/todo-lists/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-lists/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_get_todo_list_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_list)
    response = client.get(f"/todo-lists/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_create_todo_list(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, todo_list_payload, owned_by=user)
    response = client.post("/todo-lists", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {key: body[key] for key in ["title"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/todo-lists/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_todo_list_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/todo-lists", json={}, headers=headers)
    assert response.status_code == 422


def test_create_todo_list_unauthenticated(client: TestClient) -> None:
    body = run(client, todo_list_payload)
    response = client.post("/todo-lists", json=body, headers={})
    assert response.status_code == 401


def test_update_todo_list(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=user)
    n = 2
    response = client.patch(
        f"/todo-lists/{quote_path(row.id)}",
        json={"title": f"title-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_todo_list_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/todo-lists/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_todo_list_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=user)
    response = client.patch(
        f"/todo-lists/{quote_path(row.id)}", json={"title": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_todo_list_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/todo-lists/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-lists/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_todo_list_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_list)
    response = client.patch(f"/todo-lists/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_todo_list(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=user)
    response = client.delete(f"/todo-lists/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/todo-lists/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_todo_list_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/todo-lists/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_todo_list_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/todo-lists/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-lists/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_todo_list_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_list)
    response = client.delete(f"/todo-lists/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
