from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class EnrollmentBase(BaseModel):
    """Fields of Enrollment shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    grade: int = Field(ge=0, le=100)


class EnrollmentCreate(EnrollmentBase):
    """Body of a request creating an Enrollment."""

    student_id: Int32
    course_id: Int32


class EnrollmentUpdate(UpdateModel):
    """Partial update of an Enrollment: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"grade", "student_id", "course_id"}
    )

    grade: int | None = Field(default=None, ge=0, le=100)
    student_id: Int32 | None = None
    course_id: Int32 | None = None


class EnrollmentRead(BaseModel):
    """An Enrollment as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    grade: int
    student_id: Int32
    course_id: Int32
