"""The FastAPI application."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute

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


def _operation_id(route: APIRoute) -> str:
    """Operation ids are the route names (`list_posts`), unique in the app."""
    return route.name


app = FastAPI(
    title=settings.PROJECT_NAME,
    lifespan=lifespan,
    openapi_tags=[
        {"name": "users", "description": "A person who can sign in."},
        {
            "name": "articles",
            "description": (
                "Article: list, viewer_list, get, create, replace, delete."
            ),
        },
        {"name": "comments", "description": "Comment: list, get, create, delete."},
        {
            "name": "tags",
            "description": (
                "A label of articles, created by the first article that names it."
            ),
        },
        {"name": "auth", "description": "Registration, login and the signed-in user."},
        {"name": "health", "description": "Liveness check."},
    ],
    generate_unique_id_function=_operation_id,
)
install_middleware(app)
app.include_router(api_router)
__all__ = ["app", "models"]


@app.get("/health", tags=["health"])
async def health() -> dict[str, str]:
    """Liveness check: 200 while the app serves requests."""
    return {"status": "ok"}
