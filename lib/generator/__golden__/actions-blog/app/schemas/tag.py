from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class TagBase(BaseModel):
    """Fields of Tag shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=40)


class TagCreate(TagBase):
    """Body of a request creating a Tag."""


class TagUpdate(UpdateModel):
    """Partial update of a Tag: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=40)


class TagRead(BaseModel):
    """A Tag as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    created_at: UTCDatetime
    updated_at: UTCDatetime
