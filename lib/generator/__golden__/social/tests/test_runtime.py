"""Tests of the shared runtime: errors, CORS, body limits, value checks."""

import datetime as dt
import json
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.config import settings
from app.core.errors import json_safe
from app.core.middleware import install_middleware
from app.schemas.common import Int32, Int64, SafeStr, UTCDatetime

ORIGIN = "https://app.example"


@pytest.fixture
def small_app(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The project's middleware around two routes: one that fails, one that echoes."""
    monkeypatch.setattr(settings, "CORS_ORIGINS", [ORIGIN])
    monkeypatch.setattr(settings, "MAX_BODY_BYTES", 1000)
    app = FastAPI()
    install_middleware(app)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("boom")

    @app.post("/echo")
    async def echo(body: dict[str, Any]) -> dict[str, Any]:
        return body

    return TestClient(app, raise_server_exceptions=False)


def test_unhandled_error_is_a_json_500_with_cors(small_app: TestClient) -> None:
    response = small_app.get("/boom", headers={"Origin": ORIGIN})
    assert response.status_code == 500
    assert response.json() == {"detail": "Internal server error"}
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "access-control-allow-credentials" not in response.headers


def test_cors_allows_only_configured_origins(small_app: TestClient) -> None:
    preflight = {
        "Origin": "https://evil.example",
        "Access-Control-Request-Method": "GET",
    }
    response = small_app.options("/boom", headers=preflight)
    assert "access-control-allow-origin" not in response.headers


def test_body_over_the_limit_is_413_with_cors(small_app: TestClient) -> None:
    headers = {"Origin": ORIGIN, "content-type": "application/json"}
    body = json.dumps({"text": "x" * 2000})
    response = small_app.post("/echo", content=body, headers=headers)
    assert response.status_code == 413
    assert response.headers["access-control-allow-origin"] == ORIGIN


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": NaN}',
        b'{"a": -Infinity}',
        b'{"a": 1e400}',
        b'{"a": "x\\u0000y"}',
        b'{"a\\u0000": 1}',
        b'{"a": "\\ud800"}',
        b'{"a": ' + b"[" * 70 + b"]" * 70 + b"}",
    ],
)
def test_json_bodies_the_database_cannot_store_are_422(
    small_app: TestClient, raw: bytes
) -> None:
    headers = {"content-type": "application/json"}
    response = small_app.post("/echo", content=raw, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["type"] == "value_error"


def test_clean_json_bodies_pass(small_app: TestClient) -> None:
    body = {"a": 1.5, "b": "\u202eévil 😀", "c": [[1]], "d": 2**70}
    response = small_app.post("/echo", json=body)
    assert response.status_code == 200
    assert response.json() == body


def test_validation_errors_echo_printable_input() -> None:
    echoed = json_safe(
        [{"input": float("nan"), "s": "\ud800", "b": b"\xff", "e": ValueError("x")}]
    )
    json.dumps(echoed, allow_nan=False).encode("utf-8")


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        (Int32, 2**31 - 1, 2**31),
        (Int32, -(2**31), -(2**31) - 1),
        (Int64, 2**63 - 1, 2**63),
    ],
)
def test_integers_are_bounded_by_their_column(kind: Any, good: int, bad: int) -> None:
    adapter: TypeAdapter[int] = TypeAdapter(kind)
    assert adapter.validate_python(good) == good
    with pytest.raises(ValueError):
        adapter.validate_python(bad)


@pytest.mark.parametrize("bad", ["a\x00b", "\ud800"])
def test_safe_strings_refuse_what_databases_cannot_store(bad: str) -> None:
    with pytest.raises(ValueError):
        TypeAdapter(SafeStr).validate_python(bad)


def test_timestamps_are_utc_with_microseconds_and_zone() -> None:
    adapter: TypeAdapter[dt.datetime] = TypeAdapter(UTCDatetime)
    naive = dt.datetime(2024, 1, 15, 12, 0)
    assert (
        adapter.dump_json(adapter.validate_python(naive))
        == b'"2024-01-15T12:00:00.000000Z"'
    )
    offset = dt.datetime(
        2024, 1, 15, 14, 0, 0, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert (
        adapter.dump_json(adapter.validate_python(offset))
        == b'"2024-01-15T12:00:00.000005Z"'
    )
