"""One error shape for every failure: RFC 9457 problem details.

Sent as application/problem+json: `type`, `title`, `status`, `detail` and `instance`
(the path); validation errors are listed in an `errors` member. Unhandled errors
become a JSON 500 in `app.core.middleware`, inside CORS.
"""

import logging
import math
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.conflicts import conflict_message, conflicting_fields

logger = logging.getLogger("app.errors")

# Deeper inputs are cut: the echo is for people, and recursion must stay bounded.
_MAX_ECHO_DEPTH = 8


def json_safe(value: Any, depth: int = 0) -> Any:
    """A JSON-serialisable copy of `value`: non-finite floats, objects as text."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    if depth >= _MAX_ECHO_DEPTH:
        return "..."
    if isinstance(value, dict):
        return {str(json_safe(k)): json_safe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item, depth + 1) for item in value]
    return json_safe(str(value))


def error_response(
    status: int,
    detail: str,
    path: str,
    errors: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An RFC 9457 problem; `errors` lists what failed validation."""
    content: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": json_safe(detail),
        "instance": json_safe(path),
    }
    if errors is not None:
        content["errors"] = [
            {
                "type": str(e.get("type", "value_error")),
                "loc": json_safe(list(e.get("loc", []))),
                "msg": json_safe(str(e.get("msg", ""))),
            }
            for e in errors
        ]
    return JSONResponse(
        content,
        status_code=status,
        headers=headers,
        media_type="application/problem+json",
    )


async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "Error"
    return error_response(
        exc.status_code, detail, request.url.path, headers=exc.headers
    )


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [dict(e) for e in exc.errors()]
    return error_response(422, "The request is invalid", request.url.path, errors)


async def integrity_error_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error: %s", exc)
    detail = "Conflicts with existing data (unique or reference constraint)"
    message = str(getattr(exc, "orig", exc))
    fields = conflicting_fields(message)
    if fields is not None:
        text = conflict_message(fields)
        items = [{"type": "unique", "loc": ["body", f], "msg": text} for f in fields]
        return error_response(409, text, request.url.path, items)
    field = _unique_column(message)
    if field is None:
        return error_response(409, detail, request.url.path)
    item = {"type": "unique", "loc": ["body", field], "msg": "is already taken"}
    return error_response(409, detail, request.url.path, [item])


def _unique_column(message: str) -> str | None:
    """The column of a unique violation, as SQLite or PostgreSQL words it."""
    found = re.search(r"UNIQUE constraint failed: \w+\.(\w+)", message) or re.search(
        r"Key \((\w+)\)=\(", message
    )
    return found.group(1) if found else None


async def data_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """The database refused a value (out of its range): the request's fault, not ours.

    The schemas bound what they can; this is the net under them (PostgreSQL's data
    exceptions, SQLite's integers past 64 bits).
    """
    logger.warning("value refused by the database: %s", exc)
    item = {"type": "value_error", "loc": [], "msg": "A value is out of range"}
    return error_response(422, "The request is invalid", request.url.path, [item])


def document_problems(app: FastAPI) -> None:
    """OpenAPI lists error bodies as application/problem+json, as they are sent."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            for item in document.get("paths", {}).values():
                for operation in item.values():
                    for status, response in operation.get("responses", {}).items():
                        content = response.get("content", {})
                        if status[:1] in ("4", "5") and "application/json" in content:
                            response["content"] = {
                                "application/problem+json": content["application/json"]
                            }
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(DataError, data_error_handler)
    app.add_exception_handler(OverflowError, data_error_handler)
    document_problems(app)
