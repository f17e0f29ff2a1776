"""Access and data exposure of /articles."""

from fastapi.testclient import TestClient

from tests.factories import article_payload
from tests.utils import run, sign_in


def test_create_article_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["zz_not_a_field"] = 1
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422


def test_create_article_read_only_status(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["status"] = "draft"
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422
    assert "status" in response.json()["errors"], response.text
