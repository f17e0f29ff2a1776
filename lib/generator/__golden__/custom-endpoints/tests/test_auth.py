"""Tests of registration, login and the current user."""

import itertools
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_account
from tests.utils import headers_for, run

_counter = itertools.count(1000)


def _register_body(client: TestClient) -> dict[str, Any]:
    n = next(_counter)
    body: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": "Correct-Horse-7-Battery",
    }
    return body


def _signed_up(client: TestClient) -> dict[str, Any]:
    body = _register_body(client)
    assert client.post("/auth/register", json=body).status_code == 201
    return body


def test_register(client: TestClient) -> None:
    body = _register_body(client)
    response = client.post("/auth/register", json=body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["email"] == body["email"]
    assert "password" not in created


def test_register_conflict(client: TestClient) -> None:
    body = _signed_up(client)
    response = client.post("/auth/register", json=body)
    assert response.status_code == 409


def test_register_invalid(client: TestClient) -> None:
    response = client.post("/auth/register", json={})
    assert response.status_code == 422


def test_login_form(client: TestClient) -> None:
    body = _signed_up(client)
    form = {"username": body["email"], "password": body["password"]}
    response = client.post("/auth/login", data=form)
    assert response.status_code == 200, response.text
    token = response.json()
    assert token["token_type"] == "bearer"
    me = client.get(
        "/auth/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["email"] == body["email"]


def test_login_wrong_password(client: TestClient) -> None:
    body = _signed_up(client)
    form = {"username": body["email"], "password": "wrong-password"}
    response = client.post("/auth/login", data=form)
    assert response.status_code == 401


def test_login_json(client: TestClient) -> None:
    body = _signed_up(client)
    credentials = {"email": body["email"], "password": body["password"]}
    response = client.post("/auth/login/json", json=credentials)
    assert response.status_code == 200, response.text
    assert response.json()["access_token"]


def test_login_json_unknown_user(client: TestClient) -> None:
    credentials = {"email": "nobody@example.com", "password": "x"}
    response = client.post("/auth/login/json", json=credentials)
    assert response.status_code == 401


def test_login_json_invalid(client: TestClient) -> None:
    response = client.post("/auth/login/json", json={})
    assert response.status_code == 422


def test_me(client: TestClient) -> None:
    user = run(client, create_account)
    response = client.get("/auth/me", headers=headers_for(user))
    assert response.status_code == 200
    assert response.json()["id"] == user.id


def test_me_unauthenticated(client: TestClient) -> None:
    response = client.get("/auth/me")
    assert response.status_code == 401


def test_me_invalid_token(client: TestClient) -> None:
    response = client.get("/auth/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
