"""Tests of registration, login and the current user."""

import asyncio
import datetime as dt
import itertools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jwt
import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from app.core import security
from app.core.db import SessionLocal
from app.models.user import User
from tests.factories import create_user
from tests.utils import assert_error, headers_for, run, sign_in

_counter = itertools.count(1000)


def _register_body(client: TestClient) -> dict[str, Any]:
    n = next(_counter)
    body: dict[str, Any] = {
        "email": f"user{n}@example.com",
        "password": "Correct-Horse-7-Battery",
        "display_name": f"display-name-{n}",
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
    assert_error(response, 409)


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
    assert_error(response, 401)


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


def test_login_ignores_case_and_spaces(client: TestClient) -> None:
    body = _signed_up(client)
    login = f"  {str(body['email']).upper()} "
    credentials = {"email": login, "password": body["password"]}
    response = client.post("/auth/login/json", json=credentials)
    assert response.status_code == 200, response.text


def test_register_same_login_in_other_case(client: TestClient) -> None:
    body = _signed_up(client)
    again = _register_body(client)
    again["email"] = str(body["email"]).upper()
    response = client.post("/auth/register", json=again)
    # One account per login: a conflict (or refused outright by a lower-case pattern).
    assert response.status_code in (409, 422), response.text


def test_register_password_too_long(client: TestClient) -> None:
    body = _register_body(client)
    body["password"] = "x" * 129
    response = client.post("/auth/register", json=body)
    assert response.status_code == 422
    assert_error(response, 422, "password")


def test_unknown_login_costs_a_hash_check_off_the_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str | None, bool]] = []
    verify = security.verify_password

    def spy(password: str, hashed: str | None) -> bool:
        try:
            asyncio.get_running_loop()
            on_loop = True
        except RuntimeError:
            on_loop = False
        calls.append((hashed, on_loop))
        return verify(password, hashed)

    monkeypatch.setattr(security, "verify_password", spy)
    credentials = {"email": "nobody@example.com", "password": "x"}
    response = client.post("/auth/login/json", json=credentials)
    assert response.status_code == 401
    # The dummy hash was verified, in a worker thread (not on the event loop).
    assert calls == [(None, False)]


async def _stored_hash(user_id: Any) -> str:
    async with SessionLocal() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return str(user.password)


def test_login_rehashes_old_parameters(client: TestClient) -> None:
    old = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    old_hash = old.hash("Correct-Horse-7-Battery")
    user = run(client, create_user, password=old_hash)
    credentials = {"email": user.email, "password": "Correct-Horse-7-Battery"}
    response = client.post("/auth/login/json", json=credentials)
    assert response.status_code == 200, response.text
    stored = run(client, _stored_hash, user_id=user.id)
    assert stored != old_hash
    assert not security.password_needs_rehash(stored)


def test_token_without_exp_is_refused(client: TestClient) -> None:
    user = run(client, create_user)
    token = jwt.encode({"sub": str(user.id)}, security.SIGNING_KEY, algorithm="HS256")
    response = client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_token_signed_with_another_key_is_refused(client: TestClient) -> None:
    user = run(client, create_user)
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    claims = {"sub": str(user.id), "exp": expires}
    forged = "insecure-development-key-change-me-but-32-chars-long"
    token = jwt.encode(claims, forged, algorithm="HS256")
    response = client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def _import_security(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Imports app.core.security in a fresh interpreter, away from any .env file."""
    root = str(Path(__file__).resolve().parents[1])
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ENVIRONMENT")
    }
    clean.update(env, PYTHONPATH=root)
    return subprocess.run(
        [sys.executable, "-c", "import app.core.security"],
        env=clean,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_outside_development_secret_key_is_required(tmp_path: Path) -> None:
    missing = _import_security(tmp_path, ENVIRONMENT="production")
    assert missing.returncode != 0
    assert "SECRET_KEY" in missing.stderr
    short = _import_security(tmp_path, ENVIRONMENT="production", SECRET_KEY="short")
    assert short.returncode != 0
    strong = _import_security(tmp_path, ENVIRONMENT="production", SECRET_KEY="k" * 32)
    assert strong.returncode == 0, strong.stderr


def test_me(client: TestClient) -> None:
    user = run(client, create_user)
    response = client.get("/auth/me", headers=headers_for(user))
    assert response.status_code == 200
    assert response.json()["id"] == user.id


def test_me_unauthenticated(client: TestClient) -> None:
    response = client.get("/auth/me")
    assert response.status_code == 401


def test_me_invalid_token(client: TestClient) -> None:
    response = client.get("/auth/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401


def test_register_with_a_taken_email_names_it(client: TestClient) -> None:
    body = _signed_up(client)
    again = _register_body(client)
    again["email"] = body["email"]
    response = client.post("/auth/register", json=again)
    assert_error(response, 409, "email")


def test_put_me_changes_own_profile(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.put("/auth/me", json={"displayName": "Changed"}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["displayName"] == "Changed"
    again = client.get("/auth/me", headers=headers)
    assert again.json()["displayName"] == "Changed"


def test_put_me_password_needs_the_current_one(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.put(
        "/auth/me", json={"password": "New-Correct-Horse-8-Staple"}, headers=headers
    )
    assert response.status_code == 422, response.text
    assert "currentPassword" in response.json()["errors"], response.text
    response = client.put(
        "/auth/me",
        json={
            "password": "New-Correct-Horse-8-Staple",
            "currentPassword": "not-the-password",
        },
        headers=headers,
    )
    assert response.status_code == 403, response.text
    assert_error(response, 403)
    response = client.put(
        "/auth/me",
        json={
            "password": "New-Correct-Horse-8-Staple",
            "currentPassword": "Correct-Horse-7-Battery",
        },
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert "password" not in response.json()
    credentials = {"email": user.email, "password": "New-Correct-Horse-8-Staple"}
    assert client.post("/auth/login/json", json=credentials).status_code == 200


def test_put_me_to_a_taken_email_is_409(client: TestClient) -> None:
    other, _ = sign_in(client)
    user, headers = sign_in(client)
    response = client.put("/auth/me", json={"email": other.email}, headers=headers)
    assert response.status_code == 409, response.text
    assert_error(response, 409, "email")


def test_put_me_needs_a_token(client: TestClient) -> None:
    response = client.put("/auth/me", json={})
    assert response.status_code == 401
