"""All API routes."""

from fastapi import APIRouter

from app.api.routes import inventory_items

api_router = APIRouter()
api_router.include_router(inventory_items.router)
