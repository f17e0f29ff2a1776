import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import UpdateModel, UTCDatetime


class TagBase(BaseModel):
    """Fields of Tag shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=20, pattern="^[a-z0-9-]+$")
    note: str | None = Field(default=None, max_length=40)


class TagCreate(TagBase):
    """Body of a request creating a Tag."""


class TagUpdate(UpdateModel):
    """Partial update of a Tag: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(
        default=None, min_length=1, max_length=20, pattern="^[a-z0-9-]+$"
    )
    note: str | None = Field(default=None, max_length=40)


class TagReplace(BaseModel):
    """Whole replacement of a Tag (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=20, pattern="^[a-z0-9-]+$")
    note: str | None = Field(default=None, max_length=40)


class TagRead(BaseModel):
    """A Tag as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    note: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
