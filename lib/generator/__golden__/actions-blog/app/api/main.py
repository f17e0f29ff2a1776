"""All API routes."""

from fastapi import APIRouter

from app.api.routes import articles, auth, comments, tags, users

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(articles.router)
api_router.include_router(tags.router)
api_router.include_router(comments.router)
