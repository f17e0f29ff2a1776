"""All API routes."""

from fastapi import APIRouter

from app.api.routes import probes, tallies

api_router = APIRouter()
api_router.include_router(tallies.router)
api_router.include_router(probes.router)
