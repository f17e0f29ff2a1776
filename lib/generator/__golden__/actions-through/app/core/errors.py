"""One error shape for every failure: {"errors": {"<field>": ["<message>"]}}.

The field is the API name pydantic reports (its alias); errors about no single field
(401, 403, 404, a malformed body) are listed under "body". Unhandled errors become
a JSON 500 in `app.core.middleware`, inside CORS.
"""

import logging
import math
import re
from collections.abc import Mapping
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
    """`{"errors": {field: [messages]}}`; no field errors: the detail under "body"."""
    del path  # the field map has no place for it
    fields: dict[str, list[str]] = {}
    for item in errors or [{"loc": [], "msg": detail}]:
        key = json_safe(_field_of(list(item.get("loc", []))))
        fields.setdefault(key, []).append(json_safe(str(item.get("msg", ""))))
    return JSONResponse({"errors": fields}, status_code=status, headers=headers)


def _field_of(loc: list[Any]) -> str:
    """The innermost field name of a `loc` (after "body", "query" or "path")."""
    names = [part for part in loc[1:] if isinstance(part, str)]
    return names[-1] if names else "body"


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


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(DataError, data_error_handler)
    app.add_exception_handler(OverflowError, data_error_handler)
