"""Tests of /authors."""

from fastapi.testclient import TestClient

from tests.factories import author_payload, create_author
from tests.utils import quote_path, run


def test_list_authors(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_author)
    response = client.get("/authors", params={"pageSize": 2}, headers=headers)
    assert response.status_code == 200
    page = response.json()
    assert len(page["authors"]) == 2
    assert page["authorsCount"] >= 3


def test_list_authors_offset(client: TestClient) -> None:
    headers: dict[str, str] = {}
    for _ in range(3):
        run(client, create_author)
    first = client.get(
        "/authors", params={"pageSize": 1, "page": 0 // 1 + 1}, headers=headers
    ).json()
    second = client.get(
        "/authors", params={"pageSize": 1, "page": 1 // 1 + 1}, headers=headers
    ).json()
    assert first["authors"][0]["id"] != second["authors"][0]["id"]


def test_list_authors_limit_too_large(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/authors", params={"pageSize": 101}, headers=headers)
    assert response.status_code == 422


def test_list_authors_offset_out_of_range(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/authors", params={"page": 90071992547410}, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["query", "page"]
    response = client.get("/authors", params={"page": 90071992547409}, headers=headers)
    assert response.status_code == 200, response.text


def test_get_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_author)
    response = client.get(f"/authors/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 200
    assert response.json()["author"]["id"] == row.id


def test_get_author_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.get("/authors/no-such-value-zz", headers=headers)
    assert response.status_code == 404


def test_create_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, author_payload)
    response = client.post("/authors", json={"author": body}, headers=headers)
    assert response.status_code == 201, response.text
    created = response.json()["author"]
    assert "id" in created
    sent = {key: body[key] for key in ["username", "handle", "shortBio"] if key in body}
    assert {key: created[key] for key in sent} == sent
    stored = client.get(f"/authors/{quote_path(created['username'])}", headers=headers)
    assert stored.status_code == 200
    assert {key: stored.json()["author"][key] for key in sent} == sent


def test_create_author_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.post("/authors", json={"author": {}}, headers=headers)
    assert response.status_code == 422


def test_create_author_conflict(client: TestClient) -> None:
    headers: dict[str, str] = {}
    body = run(client, author_payload)
    assert (
        client.post("/authors", json={"author": body}, headers=headers).status_code
        == 201
    )
    response = client.post("/authors", json={"author": body}, headers=headers)
    assert response.status_code == 409


def test_update_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_author)
    n = 2
    response = client.patch(
        f"/authors/{quote_path(row.username)}",
        json={"author": {"handle": f"display-name-{n}"}},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["author"]["id"] == row.id


def test_update_author_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.patch(
        "/authors/no-such-value-zz", json={"author": {}}, headers=headers
    )
    assert response.status_code == 404


def test_update_author_invalid(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_author)
    response = client.patch(
        f"/authors/{quote_path(row.username)}",
        json={"author": {"username": None}},
        headers=headers,
    )
    assert response.status_code == 422


def test_delete_author(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_author)
    response = client.delete(f"/authors/{quote_path(row.username)}", headers=headers)
    assert response.status_code == 204
    assert client.get(f"/authors/{quote_path(row.username)}").status_code == 404


def test_delete_author_not_found(client: TestClient) -> None:
    headers: dict[str, str] = {}
    response = client.delete("/authors/no-such-value-zz", headers=headers)
    assert response.status_code == 404
