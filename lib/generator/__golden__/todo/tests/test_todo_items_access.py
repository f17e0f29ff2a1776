"""Access and data exposure of /todo-items."""

from fastapi.testclient import TestClient

from tests.factories import create_todo_item, create_todo_list, todo_item_payload
from tests.utils import quote_path, run, sign_in


def test_create_todo_item_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, todo_item_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/todo-items", json=body, headers=headers)
    assert response.status_code == 422


def test_create_todo_item_missing_todo_list_id(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, todo_item_payload, owned_by=user)
    body["todo_list_id"] = 999999999
    response = client.post("/todo-items", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "todo_list_id"]


def test_create_todo_item_todo_list_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    other = run(client, create_todo_list)
    body = run(client, todo_item_payload, owned_by=user)
    body["todo_list_id"] = other.id
    response = client.post("/todo-items", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "todo_list_id"]


def test_update_todo_item_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422


def test_update_todo_item_todo_list_id_of_someone_else(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_item, owned_by=user)
    other = run(client, create_todo_list)
    body = {"todo_list_id": other.id}
    response = client.patch(
        f"/todo-items/{quote_path(row.id)}", json=body, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "todo_list_id"]
