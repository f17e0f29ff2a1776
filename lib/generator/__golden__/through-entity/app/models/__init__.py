"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.course import Course
from app.models.enrollment import Enrollment
from app.models.student import Student

__all__ = ["Course", "Enrollment", "Student"]
