"""One error shape for every failure: {"detail": ...}.

Validation errors (422) keep FastAPI's standard list, so OpenAPI stays standard; their
`input` echoes the request, so it is made printable first (NaN, lone surrogates).
Unhandled errors become a JSON 500 in `app.core.middleware`, inside CORS.
"""

import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError

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


async def validation_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse(
        status_code=422, content={"detail": json_safe(list(exc.errors()))}
    )


async def integrity_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error: %s", exc)
    return JSONResponse(
        status_code=409,
        content={
            "detail": "Conflicts with existing data (unique or reference constraint)"
        },
    )


async def data_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """The database refused a value (out of its range): the request's fault, not ours.

    The schemas bound what they can; this is the net under them (PostgreSQL's data
    exceptions, SQLite's integers past 64 bits).
    """
    logger.warning("value refused by the database: %s", exc)
    item = {"type": "value_error", "loc": [], "msg": "A value is out of range"}
    return JSONResponse(status_code=422, content={"detail": [item]})


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(DataError, data_error_handler)
    app.add_exception_handler(OverflowError, data_error_handler)
