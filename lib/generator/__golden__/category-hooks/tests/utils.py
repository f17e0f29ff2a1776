"""Helpers shared by the tests."""

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi.testclient import TestClient

T = TypeVar("T")


def run(client: TestClient, fn: Callable[..., Awaitable[T]], /, **kwargs: Any) -> T:
    """Runs a coroutine on the app's event loop, where the engine's connections live."""
    assert client.portal is not None
    return client.portal.call(partial(fn, **kwargs))


def quote_path(value: object) -> str:
    return quote(str(value), safe="")
