from pydantic import BaseModel

from app.schemas.category import CategoryRead
from app.schemas.course import CourseRead
from app.schemas.enrollment import EnrollmentRead
from app.schemas.product import ProductRead
from app.schemas.student import StudentRead


class CategoryList(BaseModel):
    """One page of Category rows."""

    items: list[CategoryRead]
    total: int
    limit: int
    offset: int


class ProductList(BaseModel):
    """One page of Product rows."""

    items: list[ProductRead]
    total: int
    limit: int
    offset: int


class StudentList(BaseModel):
    """One page of Student rows."""

    items: list[StudentRead]
    total: int
    limit: int
    offset: int


class CourseList(BaseModel):
    """One page of Course rows."""

    items: list[CourseRead]
    total: int
    limit: int
    offset: int


class EnrollmentList(BaseModel):
    """One page of Enrollment rows."""

    items: list[EnrollmentRead]
    total: int
    limit: int
    offset: int
