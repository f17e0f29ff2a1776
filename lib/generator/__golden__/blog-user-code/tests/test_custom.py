"""The custom endpoints: 501 until their handler is written, 401 without a token."""

from fastapi.testclient import TestClient


def test_get_me_unauthenticated(client: TestClient) -> None:
    response = client.get("/me", headers={})
    assert response.status_code == 401


def test_post_posts_slug_publish_unauthenticated(client: TestClient) -> None:
    response = client.post("/posts/no-such-value-zz/publish", headers={})
    assert response.status_code == 401
