"""Tests of /todo-items."""

from fastapi.testclient import TestClient

from tests.factories import create_todo_item, create_todo_list, todo_item_payload
from tests.utils import quote_path, run, sign_in


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


def test_list_todo_items_filter_done(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    response = client.get(
        "/todo-items",
        params={"done": str(row.done).lower(), "limit": 200},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_todo_items_filter_todo_list_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_todo_list, owned_by=user)
    run(client, create_todo_item, owned_by=user, todo_list_id=parent.id)
    response = client.get(
        "/todo-items",
        params={"todo_list_id": str(parent.id), "limit": 200},
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["total"] >= 1


def test_list_todo_items_sort_position(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_item, owned_by=user)
    for order in ("position", "-position"):
        response = client.get("/todo-items", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_todo_items_sort_due_date(client: TestClient) -> None:
    user, headers = sign_in(client)
    for _ in range(3):
        run(client, create_todo_item, owned_by=user)
    for order in ("due_date", "-due_date"):
        response = client.get("/todo-items", params={"sort": order}, headers=headers)
        assert response.status_code == 200
        assert response.json()["total"] >= 3


def test_list_todo_items_unknown_sort(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get(
        "/todo-items", params={"sort": "no_such_field"}, headers=headers
    )
    assert response.status_code == 422


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
    row = run(client, create_todo_item)
    _, headers = sign_in(client)
    response = client.get(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404


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
    row = run(client, create_todo_item)
    _, headers = sign_in(client)
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}", json={}, headers=headers
    )
    assert response.status_code == 404


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
    row = run(client, create_todo_item)
    _, headers = sign_in(client)
    response = client.delete(f"/todo-items/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 404


def test_delete_todo_item_unauthenticated(client: TestClient) -> None:
    row = run(client, create_todo_item)
    response = client.delete(f"/todo-items/{quote_path(row.id)}", headers={})
    assert response.status_code == 401
