from pydantic import BaseModel

from app.schemas.course import CourseRead
from app.schemas.enrollment import EnrollmentRead
from app.schemas.student import StudentRead


class StudentDetail(StudentRead):
    """A Student with its embedded relations."""

    courses: list[CourseRead]


class StudentList(BaseModel):
    """One page of Student rows."""

    items: list[StudentDetail]
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
