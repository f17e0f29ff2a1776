"""Access and data exposure of /users."""

from fastapi.testclient import TestClient

from tests.utils import sign_in


def test_me_shows_owner_only_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/auth/me", headers=headers)
    assert response.status_code == 200
    assert "email" in response.json()
