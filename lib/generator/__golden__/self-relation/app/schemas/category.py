from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import UpdateModel, UTCDatetime


class CategoryBase(BaseModel):
    """Fields of Category shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=80)
    position: int = 0


class CategoryCreate(CategoryBase):
    """Body of a request creating a Category."""

    parent_id: int | None = None


class CategoryUpdate(UpdateModel):
    """Partial update of a Category: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name", "position"})

    name: str | None = Field(default=None, max_length=80)
    position: int | None = None
    parent_id: int | None = None


class CategoryRead(BaseModel):
    """A node of the category tree."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    position: int
    parent_id: int | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
