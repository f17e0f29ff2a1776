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


def test_feed_shows_drafts_to_their_author_only(client: TestClient) -> None:
    author, headers = sign_in(client)
    draft = run(client, create_post, owned_by=author, published=False)
    public = run(client, create_post, owned_by=author, published=True)
    anonymous = [post["id"] for post in client.get("/feed").json()]
    assert public.id in anonymous
    assert draft.id not in anonymous
    mine = [post["id"] for post in client.get("/feed", headers=headers).json()]
    assert draft.id in mine
    assert public.id in mine
    _, someone = sign_in(client)
    theirs = [post["id"] for post in client.get("/feed", headers=someone).json()]
    assert draft.id not in theirs
    # A viewer's bad token is refused, not read as anonymous.
    bad = client.get("/feed", headers={"Authorization": "Bearer nonsense"})
    assert bad.status_code == 401


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
