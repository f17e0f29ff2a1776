"""All API routes."""

from fastapi import APIRouter

from app.api.routes import cities

api_router = APIRouter()
api_router.include_router(cities.router)
