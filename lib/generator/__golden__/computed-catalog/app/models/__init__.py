"""All models, imported so the mapper registry and Alembic see every table."""

from app.models import computed
from app.models.category import Category
from app.models.course import Course
from app.models.enrollment import Enrollment
from app.models.product import Product
from app.models.student import Student

__all__ = ["Category", "Course", "Enrollment", "Product", "Student", "computed"]
