"""All API routes."""

from fastapi import APIRouter

from app.api.routes import labels, notes

api_router = APIRouter()
api_router.include_router(notes.router)
api_router.include_router(labels.router)
