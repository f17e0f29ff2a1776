"""The middleware stack, outermost first: request log, CORS, request body, JSON 500.

Errors are answered inside CORS, so browsers can read a 413 or 500 too.
"""

import json
import math
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import settings
from app.core.errors import register_error_handlers
from app.core.logging import RequestLoggingMiddleware
from app.schemas.common import JSON_MAX_DEPTH, check_text


class RequestBodyMiddleware:
    """Reads the body once, within `max_bytes` (413), and vets JSON bodies (422).

    A JSON body reaches the routes only when the database can store every value of
    it: no NaN or Infinity (nor 1e400), no NUL or lone surrogate in any string or key,
    at most `JSON_MAX_DEPTH` levels deep. Malformed JSON is left to FastAPI (422).
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if (
            declared is not None
            and declared.isdigit()
            and int(declared) > self.max_bytes
        ):
            await _too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        content_type = headers.get("content-type", "application/json")
        if body and _is_json(content_type):
            problem = json_problem(body)
            if problem is not None:
                response = JSONResponse({"detail": [problem]}, status_code=422)
                await response(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _is_json(content_type: str) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse({"detail": "Request body too large"}, status_code=413)
    await response(scope, receive, send)


class _Refused(ValueError):
    pass


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number: numbers must be finite")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"{text} is out of range: numbers must be finite")
    return value


def json_problem(body: bytes) -> dict[str, Any] | None:
    """The first value of a JSON body the database could not store, as a 422 item."""
    try:
        document = json.loads(body, parse_constant=_constant, parse_float=_finite)
    except _Refused as exc:
        return {"type": "value_error", "loc": ["body"], "msg": str(exc), "input": None}
    except (ValueError, RecursionError):
        return None  # malformed: FastAPI answers it
    stack: list[tuple[Any, list[str | int]]] = [(document, ["body"])]
    while stack:
        value, loc = stack.pop()
        if len(loc) > JSON_MAX_DEPTH:
            msg = f"nests deeper than {JSON_MAX_DEPTH} levels"
            return {"type": "value_error", "loc": loc, "msg": msg, "input": None}
        texts: list[str] = []
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts.extend(value.keys())
            stack.extend((child, [*loc, key]) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, [*loc, i]) for i, child in enumerate(value))
        for text in texts:
            try:
                check_text(text)
            except ValueError as exc:
                return {
                    "type": "value_error",
                    "loc": loc,
                    "msg": str(exc),
                    "input": None,
                }
    return None


class ServerErrorMiddleware:
    """Unhandled exceptions become `{"detail": "Internal server error"}` (500).

    The exception is raised again afterwards, as Starlette does, so the server logs
    its traceback and test clients can raise it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_and_track(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, send_and_track)
        except Exception:
            if not started:
                response = JSONResponse(
                    {"detail": "Internal server error"}, status_code=500
                )
                await response(scope, receive, send)
            raise


def install_middleware(app: FastAPI) -> None:
    """Error handlers and middleware; the last one added is the outermost."""
    register_error_handlers(app)
    app.add_middleware(ServerErrorMiddleware)
    app.add_middleware(RequestBodyMiddleware, max_bytes=settings.MAX_BODY_BYTES)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_credentials=False,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    app.add_middleware(RequestLoggingMiddleware)
