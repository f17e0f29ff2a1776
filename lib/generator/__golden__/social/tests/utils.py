"""Helpers shared by the tests."""

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi.testclient import TestClient

from app.core.security import create_access_token
from app.models.user import User
from tests.factories import create_user

T = TypeVar("T")


def run(client: TestClient, fn: Callable[..., Awaitable[T]], /, **kwargs: Any) -> T:
    """Runs a coroutine on the app's event loop, where the engine's connections live."""
    assert client.portal is not None
    return client.portal.call(partial(fn, **kwargs))


def quote_path(value: object) -> str:
    return quote(str(value), safe="")


def headers_for(user: User) -> dict[str, str]:
    token = create_access_token(str(user.id))
    return {"Authorization": f"Bearer {token}"}


def sign_in(client: TestClient, **overrides: Any) -> tuple[User, dict[str, str]]:
    """A new user (with `overrides`, e.g. a role) and the headers of their token."""
    user = run(client, create_user, **overrides)
    return user, headers_for(user)
