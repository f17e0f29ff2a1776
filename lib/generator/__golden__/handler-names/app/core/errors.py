"""One error shape for every failure: {"detail": ...}.

Validation errors (422) keep FastAPI's standard list, so OpenAPI stays standard.
"""

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

logger = logging.getLogger("app.errors")


async def integrity_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error: %s", exc)
    return JSONResponse(
        status_code=409,
        content={
            "detail": "Conflicts with existing data (unique or reference constraint)"
        },
    )


async def unhandled_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=exc)
    return JSONResponse(status_code=500, content={"detail": "Internal server error"})


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
