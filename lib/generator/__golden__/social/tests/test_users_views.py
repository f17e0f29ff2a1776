"""Views of User in its responses."""

from fastapi.testclient import TestClient

from tests.factories import create_user
from tests.utils import quote_path, run, sign_in


def test_get_user_view(client: TestClient) -> None:
    _, headers = sign_in(client)
    row = run(client, create_user)
    response = client.get(f"/profiles/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200, response.text
    assert set(response.json()) == {
        "id",
        "username",
        "bio",
        "followers_count",
        "following_count",
        "followed",
    }
