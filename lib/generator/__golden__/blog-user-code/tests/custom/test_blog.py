"""The handlers and hooks written by hand."""

from fastapi.testclient import TestClient

from tests.factories import create_post
from tests.utils import quote_path, run, sign_in


def test_publish_own_draft(client: TestClient) -> None:
    user, headers = sign_in(client)
    draft = run(client, create_post, owned_by=user, published=False)
    url = f"/posts/{quote_path(draft.slug)}/publish"
    response = client.post(url, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["published"] is True
    assert body["published_at"] is not None
    assert body["author"]["id"] == user.id
    # Publishing again keeps the first time.
    again = client.post(url, headers=headers)
    assert again.status_code == 200
    assert again.json()["published_at"] == body["published_at"]


def test_publish_someone_elses_post_is_404(client: TestClient) -> None:
    other, _ = sign_in(client)
    draft = run(client, create_post, owned_by=other, published=False)
    _, headers = sign_in(client)
    response = client.post(f"/posts/{quote_path(draft.slug)}/publish", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_me(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/me", headers=headers)
    assert response.status_code == 200
    assert response.json()["username"] == user.username


def test_created_published_post_gets_its_time(client: TestClient) -> None:
    _, headers = sign_in(client)
    post = {"title": "Hi", "slug": "hi-there", "body": "Hello.", "published": True}
    response = client.post("/posts", json=post, headers=headers)
    assert response.status_code == 201
    assert response.json()["published_at"] is not None
    draft = {**post, "slug": "a-draft", "published": False}
    response = client.post("/posts", json=draft, headers=headers)
    assert response.status_code == 201
    assert response.json()["published_at"] is None
