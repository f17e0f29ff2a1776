from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CourseBase(BaseModel):
    """Fields of Course shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(max_length=12)


class CourseCreate(CourseBase):
    """Body of a request creating a Course."""


class CourseUpdate(UpdateModel):
    """Partial update of a Course: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"code"})

    code: str | None = Field(default=None, max_length=12)


class CourseRead(BaseModel):
    """A Course as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    code: str
    created_at: UTCDatetime
    updated_at: UTCDatetime
    student_count: int = Field(json_schema_extra={"readOnly": True})
    best_grade: int | None = Field(json_schema_extra={"readOnly": True})
