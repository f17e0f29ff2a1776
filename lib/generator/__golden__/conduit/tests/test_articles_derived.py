"""Derived values and composite unique constraints of /articles."""

from fastapi.testclient import TestClient

from tests.factories import article_payload
from tests.utils import quote_path, run, sign_in


def test_create_article_slug_of_title(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["title"] = "Héllo, Wörld! a0fde5"
    first = client.post("/articles", json={"article": body}, headers=headers)
    assert first.status_code == 201, first.text
    second = client.post("/articles", json={"article": body}, headers=headers)
    assert second.status_code == 201, second.text
    # Another spelling of the same words: the next free suffix.
    body["title"] = "hello world a0fde5"
    third = client.post("/articles", json={"article": body}, headers=headers)
    assert third.status_code == 201, third.text
    assert first.json()["article"]["slug"] == "hello-world-a0fde5"
    assert second.json()["article"]["slug"] == "hello-world-a0fde5-2"
    assert third.json()["article"]["slug"] == "hello-world-a0fde5-3"


def test_create_article_slug_of_title_needs_a_letter_or_digit(
    client: TestClient,
) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["title"] = "!?!"
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 422, response.text
    assert "title" in response.json()["errors"], response.text


def test_update_article_slug_follows_title(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, article_payload, owned_by=user)
    body["title"] = "First Title a0fde5"
    response = client.post("/articles", json={"article": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["article"]
    response = client.put(
        f"/articles/{quote_path(created['slug'])}",
        json={"article": {**body, **{"title": "Another Title a0fde5"}}},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["article"]["slug"] == "another-title-a0fde5"
