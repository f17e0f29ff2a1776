"""All API routes."""

from fastapi import APIRouter

from app.api.routes import auth, comments, custom, posts, tags, users

api_router = APIRouter()
api_router.include_router(custom.router)
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(posts.router)
api_router.include_router(comments.router)
api_router.include_router(tags.router)
