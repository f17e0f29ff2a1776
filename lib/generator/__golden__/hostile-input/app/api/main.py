"""All API routes."""

from fastapi import APIRouter

from app.api.routes import auth, members, readings

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(members.router)
api_router.include_router(readings.router)
