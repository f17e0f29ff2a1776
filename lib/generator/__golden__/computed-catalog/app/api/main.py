"""All API routes."""

from fastapi import APIRouter

from app.api.routes import categories, courses, enrollments, products, students

api_router = APIRouter()
api_router.include_router(categories.router)
api_router.include_router(products.router)
api_router.include_router(students.router)
api_router.include_router(courses.router)
api_router.include_router(enrollments.router)
