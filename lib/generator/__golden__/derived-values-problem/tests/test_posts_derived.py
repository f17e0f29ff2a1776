"""Derived values and composite unique constraints of /posts."""

import datetime as dt

from fastapi.testclient import TestClient

from tests.factories import post_payload
from tests.utils import quote_path, run, sign_in


def test_create_post_slug_of_title(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["title"] = "Héllo, Wörld! cd0162"
    first = client.post("/posts", json=body, headers=headers)
    assert first.status_code == 201, first.text
    second = client.post("/posts", json=body, headers=headers)
    assert second.status_code == 201, second.text
    # Another spelling of the same words: the next free suffix.
    body["title"] = "hello world cd0162"
    third = client.post("/posts", json=body, headers=headers)
    assert third.status_code == 201, third.text
    assert first.json()["slug"] == "hello-world-cd0162"
    assert second.json()["slug"] == "hello-world-cd0162-2"
    assert third.json()["slug"] == "hello-world-cd0162-3"


def test_create_post_slug_of_title_needs_a_letter_or_digit(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["title"] = "!?!"
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["body", "title"]


def test_update_post_slug_follows_title(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["title"] = "First Title cd0162"
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    response = client.patch(
        f"/posts/{quote_path(created['id'])}",
        json={"title": "Another Title cd0162"},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["slug"] == "another-title-cd0162"


def test_create_post_published_at_set_when_published(client: TestClient) -> None:
    user, headers = sign_in(client)
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    body = run(client, post_payload, owned_by=user)
    body["published"] = True
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert dt.datetime.fromisoformat(created["published_at"]) >= before


def test_update_post_published_at_follows_published(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, post_payload, owned_by=user)
    body["published"] = False
    response = client.post("/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["published_at"] is None
    response = client.patch(
        f"/posts/{quote_path(created['id'])}", json={"published": True}, headers=headers
    )
    assert response.status_code == 200, response.text
    published = response.json()["published_at"]
    assert published is not None
    # Sending the same value again changes nothing: the time stays the first one.
    response = client.patch(
        f"/posts/{quote_path(created['id'])}", json={"published": True}, headers=headers
    )
    assert response.json()["published_at"] == published
    response = client.patch(
        f"/posts/{quote_path(created['id'])}",
        json={"published": False},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["published_at"] is None
