"""Access and data exposure of /profiles."""

import asyncio

import pytest
from fastapi.testclient import TestClient

from app.core import security
from tests.utils import quote_path, sign_in


def test_update_user_unknown_field(client: TestClient) -> None:
    user, headers = sign_in(client)
    row = user
    response = client.patch(
        f"/profiles/{quote_path(row.username)}",
        json={"zz_not_a_field": 1},
        headers=headers,
    )
    assert response.status_code == 422


def test_me_shows_owner_only_fields(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.get("/auth/me", headers=headers)
    assert response.status_code == 200
    assert "email" in response.json()


def test_update_user_password_needs_current(client: TestClient) -> None:
    user, headers = sign_in(client)
    response = client.patch(
        f"/profiles/{quote_path(user.username)}",
        json={"password": "New-Correct-Horse-8-Staple"},
        headers=headers,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "current_password"]
    body = {
        "password": "New-Correct-Horse-8-Staple",
        "current_password": "not-the-password",
    }
    response = client.patch(
        f"/profiles/{quote_path(user.username)}", json=body, headers=headers
    )
    assert response.status_code == 403
    body = {
        "password": "New-Correct-Horse-8-Staple",
        "current_password": "Correct-Horse-7-Battery",
    }
    response = client.patch(
        f"/profiles/{quote_path(user.username)}", json=body, headers=headers
    )
    assert response.status_code == 200, response.text


def test_update_user_password_off_the_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    user, headers = sign_in(client)
    calls: list[tuple[str, bool]] = []
    real_verify_password = security.verify_password
    real_hash_password = security.hash_password

    def verify_password_spy(password: str, hashed: str | None) -> bool:
        try:
            asyncio.get_running_loop()
            calls.append(("verify_password", True))
        except RuntimeError:
            calls.append(("verify_password", False))
        return real_verify_password(password, hashed)

    def hash_password_spy(password: str) -> str:
        try:
            asyncio.get_running_loop()
            calls.append(("hash_password", True))
        except RuntimeError:
            calls.append(("hash_password", False))
        return real_hash_password(password)

    monkeypatch.setattr(security, "verify_password", verify_password_spy)
    monkeypatch.setattr(security, "hash_password", hash_password_spy)
    body = {
        "password": "New-Correct-Horse-8-Staple",
        "current_password": "Correct-Horse-7-Battery",
    }
    response = client.patch(
        f"/profiles/{quote_path(user.username)}", json=body, headers=headers
    )
    assert response.status_code == 200, response.text
    assert calls == [("verify_password", False), ("hash_password", False)]
