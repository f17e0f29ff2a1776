"""Access and data exposure of /profiles."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def test_get_user_hides_owner_only_fields(client: TestClient) -> None:
    row = run(client, create_user)
    headers: dict[str, str] = {}
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200, response.text
    assert "email" not in response.json()


def test_me_shows_owner_only_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/auth/me", headers=headers)
    assert response.status_code == 200
    assert "email" in response.json()
