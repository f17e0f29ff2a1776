from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class NoteBase(BaseModel):
    """Fields of Note shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(max_length=80)
    text: str = Field(max_length=100000)


class NoteCreate(NoteBase):
    """Body of a request creating a Note."""


class NoteUpdate(UpdateModel):
    """Partial update of a Note: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"slug", "text"})

    slug: str | None = Field(default=None, max_length=80)
    text: str | None = Field(default=None, max_length=100000)


class NoteRead(BaseModel):
    """A Note as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    slug: str
    text: str
    article_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
