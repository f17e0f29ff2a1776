"""All API routes."""

from fastapi import APIRouter

from app.api.routes import authors, blog_articles

api_router = APIRouter()
api_router.include_router(authors.router)
api_router.include_router(blog_articles.router)
