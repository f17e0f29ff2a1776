from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class CategoryBase(BaseModel):
    """Fields of Category shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=40)


class CategoryCreate(CategoryBase):
    """Body of a request creating a Category."""


class CategoryUpdate(UpdateModel):
    """Partial update of a Category: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=40)


class CategoryReplace(BaseModel):
    """Whole replacement of a Category (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=40)


class CategoryRead(BaseModel):
    """A Category as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
