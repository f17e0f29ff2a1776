"""Views of Post in its responses."""

from fastapi.testclient import TestClient

from tests.factories import create_post
from tests.utils import quote_path, run, sign_in


def test_get_post_embeds_author_in_its_view(client: TestClient) -> None:
    _, headers = sign_in(client)
    row = run(client, create_post)
    response = client.get(f"/posts/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    assert set(response.json()["author"]) == {
        "id",
        "username",
        "bio",
        "followers_count",
        "following_count",
        "followed",
    }
