"""All API routes."""

from fastapi import APIRouter

from app.api.routes import accounts, auth, custom, tickets

api_router = APIRouter()
api_router.include_router(custom.router)
api_router.include_router(auth.router)
api_router.include_router(accounts.router)
api_router.include_router(tickets.router)
