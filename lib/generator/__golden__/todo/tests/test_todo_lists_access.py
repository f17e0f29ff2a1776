"""Access and data exposure of /todo-lists."""

from fastapi.testclient import TestClient

from tests.factories import create_todo_list, todo_list_payload
from tests.utils import quote_path, run, sign_in


def test_create_todo_list_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, todo_list_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/todo-lists", json=body, headers=headers)
    assert response.status_code == 422


def test_update_todo_list_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_todo_list, owned_by=user)
    response = client.patch(
        f"/todo-lists/{quote_path(row.id)}", json={"zz_not_a_field": 1}, headers=headers
    )
    assert response.status_code == 422
