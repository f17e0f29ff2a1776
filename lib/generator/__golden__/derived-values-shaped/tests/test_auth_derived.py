"""Derived values of the user on register and me."""

from fastapi.testclient import TestClient

from tests.factories import user_payload
from tests.utils import run, sign_in


def test_register_derives_handle(client: TestClient) -> None:
    body = run(client, user_payload)
    body["displayName"] = "Héllo, Wörld! 65dff4"
    first = client.post("/auth/register", json=body)
    assert first.status_code == 201, first.text
    body = run(client, user_payload)
    body["displayName"] = "hello world 65dff4"
    second = client.post("/auth/register", json=body)
    assert second.status_code == 201, second.text
    assert first.json()["handle"] == "hello-world-65dff4"
    assert second.json()["handle"] == "hello-world-65dff4-2"


def test_put_me_handle_follows_display_name(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.put(
        "/auth/me", json={"displayName": "Another Name 65dff4"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["handle"] == "another-name-65dff4"
