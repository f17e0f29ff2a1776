from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel


class TagBase(BaseModel):
    """Fields of Tag shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=60, examples=["dragons"])


class TagCreate(TagBase):
    """Body of a request creating a Tag."""


class TagUpdate(UpdateModel):
    """Partial update of a Tag: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(
        default=None, min_length=1, max_length=60, examples=["dragons"]
    )


class TagRead(BaseModel):
    """A label of articles, created by the first article that names it."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
