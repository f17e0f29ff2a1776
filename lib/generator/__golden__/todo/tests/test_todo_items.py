"""Tests of /todo-items."""

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_todo_item, create_todo_list, todo_item_payload
from tests.utils import quote_path, run, sign_in


def _listed_ids(
    client: TestClient, params: dict[str, Any], headers: dict[str, str]
) -> list[Any]:
    """Every id the list answers for `params`, page after page, in order."""
    ids: list[Any] = []
    while True:
        query = {**params, "limit": 200, "offset": len(ids)}
        response = client.get("/todo-items", params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        ids += [item["id"] for item in page["items"]]
        if not page["items"] or len(ids) >= page["total"]:
            return ids


def test_list_todo_items(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_item, owned_by=user)
    response = client.get("/todo-items", params={"limit": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["items"]) == 2
    assert page["total"] >= 3
    assert page["limit"] == 2


def test_list_todo_items_offset(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_item, owned_by=user)
    first = client.get(
        "/todo-items", params={"limit": 1, "offset": 0}, headers=headers
    ).json()
    second = client.get(
        "/todo-items", params={"limit": 1, "offset": 1}, headers=headers
    ).json()
    assert second["offset"] == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_list_todo_items_limit_too_large(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-items", params={"limit": 201}, headers=headers)
    assert response.status_code == 422


def test_list_todo_items_offset_out_of_range(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-items", params={"offset": 2**63}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "offset"]
    response = client.get("/todo-items", params={"offset": 2**63 - 1}, headers=headers)
    assert response.status_code == 200, response.text


def test_list_todo_items_filter_done(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user, done=False)
    other = run(client, create_todo_item, owned_by=user, done=True)
    ids = _listed_ids(client, {"done": str(row.done).lower()}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_todo_items_filter_todo_list_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_todo_list, owned_by=user)
    other_parent = run(client, create_todo_list, owned_by=user)
    row = run(client, create_todo_item, owned_by=user, todo_list_id=parent.id)
    other = run(client, create_todo_item, owned_by=user, todo_list_id=other_parent.id)
    ids = _listed_ids(client, {"todo_list_id": str(parent.id)}, headers)
    assert row.id in ids
    assert other.id not in ids


def test_list_todo_items_sort_position(client: TestClient) -> None:
    user, headers = sign_in(client)
    low = run(client, create_todo_item, owned_by=user, position=0)
    high = run(client, create_todo_item, owned_by=user, position=1)
    ours = {low.id, high.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "position"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-position"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id]


def test_list_todo_items_sort_due_date(client: TestClient) -> None:
    user, headers = sign_in(client)
    low = run(client, create_todo_item, owned_by=user, due_date=dt.date(2024, 1, 15))
    high = run(client, create_todo_item, owned_by=user, due_date=dt.date(2024, 1, 16))
    empty = run(client, create_todo_item, owned_by=user, due_date=None)
    ours = {low.id, high.id, empty.id}
    ascending = [
        i for i in _listed_ids(client, {"sort": "due_date"}, headers) if i in ours
    ]
    assert ascending == [low.id, high.id, empty.id]
    descending = [
        i for i in _listed_ids(client, {"sort": "-due_date"}, headers) if i in ours
    ]
    assert descending == [high.id, low.id, empty.id]


def test_list_todo_items_unknown_sort(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get(
        "/todo-items", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


def test_list_todo_items_only_own_rows(client: TestClient) -> None:
    user, headers = sign_in(client)
    other, _ = sign_in(client)
    mine = run(client, create_todo_item, owned_by=user)
    theirs = run(client, create_todo_item, owned_by=other)
    ids = _listed_ids(client, {}, headers)
    assert mine.id in ids
    assert theirs.id not in ids


def test_list_todo_items_unauthenticated(client: TestClient) -> None:
    response = client.get("/todo-items", headers={})
    assert response.status_code == 401


def test_get_todo_item(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    response = client.get(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["id"] == row.id


def test_get_todo_item_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/todo-items/999999999", headers=headers)
    assert response.status_code == 404


def test_get_todo_item_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=owner)
    _, headers = sign_in(client)
    response = client.get(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-items/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_get_todo_item_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_item)
    response = client.get(f"/todo-items/{quote_path(row.id)}", headers={})
    assert response.status_code == 401


def test_create_todo_item(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, todo_item_payload, owned_by=user)
    response = client.post("/todo-items", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert "id" in created
    sent = {
        key: body[key]
        for key in ["title", "done", "due_date", "position", "todo_list_id"]
        if key in body
    }
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/todo-items/{quote_path(created['id'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()[key] for key in sent} == sent


def test_create_todo_item_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.post("/todo-items", json={}, headers=headers)
    assert response.status_code == 422


def test_create_todo_item_unauthenticated(client: TestClient) -> None:
    body = run(client, todo_item_payload)
    response = client.post("/todo-items", json=body, headers={})
    assert response.status_code == 401


def test_update_todo_item(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    n = 2
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}",
        json={"title": f"title-{n}"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == row.id


def test_update_todo_item_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch("/todo-items/999999999", json={}, headers=headers)
    assert response.status_code == 404


def test_update_todo_item_invalid(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}", json={"title": None}, headers=headers
    )
    assert response.status_code == 422


def test_update_todo_item_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=owner)
    _, headers = sign_in(client)
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-items/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_update_todo_item_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_item)
    response = client.patch(f"/todo-items/{quote_path(row.id)}", json={}, headers={})
    assert response.status_code == 401


def test_delete_todo_item(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    response = client.delete(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 204
    assert (
        client.delete(f"/todo-items/{quote_path(row.id)}", headers=headers).status_code
        == 404
    )


def test_delete_todo_item_not_found(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.delete("/todo-items/999999999", headers=headers)
    assert response.status_code == 404


def test_delete_todo_item_not_owner(client: TestClient) -> None:
    owner, owner_headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=owner)
    _, headers = sign_in(client)
    response = client.delete(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404
    assert (
        client.get(
            f"/todo-items/{quote_path(row.id)}", headers=owner_headers
        ).status_code
        == 200
    )


def test_delete_todo_item_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_item)
    response = client.delete(f"/todo-items/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
