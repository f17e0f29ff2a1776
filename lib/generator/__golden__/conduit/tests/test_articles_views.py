"""Views of Article in its responses."""

from fastapi.testclient import TestClient

from tests.factories import create_article
from tests.utils import quote_path, run, sign_in


def test_get_article_embeds_author_in_its_view(client: TestClient) -> None:
    _, headers = sign_in(client)
    row = run(client, create_article)
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200, response.text
    assert set(response.json()["article"]["author"]) == {
        "id",
        "username",
        "bio",
        "image",
        "following",
    }
