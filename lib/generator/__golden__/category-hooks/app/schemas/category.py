from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CategoryBase(BaseModel):
    """Fields of Category shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=80)
    position: int = Field(default=0, ge=-2147483648, le=2147483647)


class CategoryCreate(CategoryBase):
    """Body of a request creating a Category."""

    parent_id: Int32 | None = None


class CategoryUpdate(UpdateModel):
    """Partial update of a Category: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name", "position"})

    name: str | None = Field(default=None, max_length=80)
    position: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    parent_id: Int32 | None = None


class CategoryRead(BaseModel):
    """A node of the category tree."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    position: int
    parent_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
