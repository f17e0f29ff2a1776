"""All API routes."""

from fastapi import APIRouter

from app.api.routes import auth, order_lines, orders, products, users

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(products.router)
api_router.include_router(orders.router)
api_router.include_router(order_lines.router)
