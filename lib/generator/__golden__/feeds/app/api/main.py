"""All API routes."""

from fastapi import APIRouter

from app.api.routes import (
    articles,
    auth,
    companies,
    links,
    orders,
    pages,
    profiles,
    users,
)

api_router = APIRouter()
api_router.include_router(auth.router)
api_router.include_router(users.router)
api_router.include_router(articles.router)
api_router.include_router(orders.router)
api_router.include_router(orders.me_router)
api_router.include_router(profiles.router)
api_router.include_router(companies.router)
api_router.include_router(pages.router)
api_router.include_router(links.router)
