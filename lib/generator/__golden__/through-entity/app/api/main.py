"""All API routes."""

from fastapi import APIRouter

from app.api.routes import courses, enrollments, students

api_router = APIRouter()
api_router.include_router(students.router)
api_router.include_router(courses.router)
api_router.include_router(enrollments.router)
