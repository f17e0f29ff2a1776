"""The FastAPI application."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import models
from app.api.main import api_router
from app.core.config import settings
from app.core.db import engine
from app.core.logging import configure_logging
from app.core.middleware import install_middleware


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    configure_logging()
    yield
    await engine.dispose()


app = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)
install_middleware(app)
app.include_router(api_router)
__all__ = ["app", "models"]


@app.get("/health", tags=["health"])
async def health() -> dict[str, str]:
    return {"status": "ok"}
