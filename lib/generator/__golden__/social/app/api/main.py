"""All API routes."""

from fastapi import APIRouter

from app.api.routes import auth, comments, posts, users

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(posts.router)
api_router.include_router(posts.me_router)
api_router.include_router(comments.router)
