"""All API routes."""

from fastapi import APIRouter

from app.api.routes import categories, people, placements, posts, tags

api_router = APIRouter()
api_router.include_router(tags.router)
api_router.include_router(posts.router)
api_router.include_router(categories.router)
api_router.include_router(placements.router)
api_router.include_router(people.router)
