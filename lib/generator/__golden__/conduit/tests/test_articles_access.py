"""Access and data exposure of /articles."""

from fastapi.testclient import TestClient

from tests.factories import article_payload, create_article
from tests.utils import quote_path, run, sign_in


def test_create_article_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422


def test_create_article_read_only_slug(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    n = 1
    body["slug"] = f"slug-{n}"
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422
    assert "slug" in response.json()["errors"], response.text


def test_get_article_embeds_author_publicly(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = run(client, create_article)
    response = client.get(f"/articles/{quote_path(row.slug)}", headers=headers)
    assert response.status_code == 200, response.text
    assert "email" not in response.json()["article"]["author"]
