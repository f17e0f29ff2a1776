from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class StudentBase(BaseModel):
    """Fields of Student shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=80)


class StudentCreate(StudentBase):
    """Body of a request creating a Student."""


class StudentUpdate(UpdateModel):
    """Partial update of a Student: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=80)


class StudentRead(BaseModel):
    """A Student as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    created_at: UTCDatetime
    updated_at: UTCDatetime
    course_count: int = Field(json_schema_extra={"readOnly": True})
