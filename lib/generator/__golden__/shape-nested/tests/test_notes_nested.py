"""Note nested under Article: /articles/{article_slug}/notes."""

from fastapi.testclient import TestClient

from tests.factories import create_article, create_note, note_payload
from tests.utils import quote_path, run, sign_in


def test_list_notes_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    first = run(client, create_note, owned_by=user, article_id=parent.id)
    second = run(client, create_note, owned_by=user, article_id=parent.id)
    run(client, create_note, owned_by=user, article_id=other_parent.id)
    response = client.get(f"/articles/{quote_path(parent.slug)}/notes", headers=headers)
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["notesCount"] == 2
    assert {item["id"] for item in page["notes"]} == {first.id, second.id}


def test_list_notes_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/articles/no-such-value-zz/notes", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_get_note_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["note"]["id"] == row.id


def test_get_note_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=other_parent.id)
    response = client.get(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_get_note_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    response = client.get(
        f"/articles/no-such-value-zz/notes/{quote_path(row.slug)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_create_note_parent_from_path(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    body = run(client, note_payload, owned_by=user)
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/notes",
        json={"note": body},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    assert response.json()["note"]["articleId"] == parent.id


def test_create_note_parent_not_in_body(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    body = run(client, note_payload, owned_by=user)
    body["articleId"] = other_parent.id
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/notes",
        json={"note": body},
        headers=headers,
    )
    assert response.status_code == 422


def test_create_note_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    body = run(client, note_payload, owned_by=user)
    response = client.post(
        "/articles/no-such-value-zz/notes", json={"note": body}, headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_create_note_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    body = run(client, note_payload, owned_by=user)
    _, stranger = sign_in(client)
    response = client.post(
        f"/articles/{quote_path(parent.slug)}/notes",
        json={"note": body},
        headers=stranger,
    )
    assert response.status_code == 403


def test_update_note_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    whole = run(client, note_payload, owned_by=user)
    response = client.put(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        json={"note": whole},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["note"]["id"] == row.id


def test_update_note_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=other_parent.id)
    whole = run(client, note_payload, owned_by=user)
    response = client.put(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        json={"note": whole},
        headers=headers,
    )
    assert response.status_code == 404


def test_update_note_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    whole = run(client, note_payload, owned_by=user)
    response = client.put(
        f"/articles/no-such-value-zz/notes/{quote_path(row.slug)}",
        json={"note": whole},
        headers=headers,
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_update_note_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    whole = run(client, note_payload, owned_by=user)
    _, stranger = sign_in(client)
    response = client.put(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        json={"note": whole},
        headers=stranger,
    )
    assert response.status_code == 403


def test_delete_note_under_parent(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        headers=headers,
    )
    assert response.status_code == 204, response.text


def test_delete_note_other_parent_is_404(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    other_parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=other_parent.id)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        headers=headers,
    )
    assert response.status_code == 404


def test_delete_note_parent_missing(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    response = client.delete(
        f"/articles/no-such-value-zz/notes/{quote_path(row.slug)}", headers=headers
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "Article not found"


def test_delete_note_not_parent_owner(client: TestClient) -> None:
    user, headers = sign_in(client)
    parent = run(client, create_article, owned_by=user, published=True)
    row = run(client, create_note, owned_by=user, article_id=parent.id)
    _, stranger = sign_in(client)
    response = client.delete(
        f"/articles/{quote_path(parent.slug)}/notes/{quote_path(row.slug)}",
        headers=stranger,
    )
    assert response.status_code == 403
