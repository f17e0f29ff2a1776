"""All API routes."""

from fastapi import APIRouter

from app.api.routes import auth, todo_items, todo_lists, users

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(todo_lists.router)
api_router.include_router(todo_items.router)
