from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CommentBase(BaseModel):
    """Fields of Comment shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=1000)


class CommentCreate(CommentBase):
    """Body of a request creating a Comment."""


class CommentUpdate(UpdateModel):
    """Partial update of a Comment: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"body"})

    body: str | None = Field(default=None, min_length=1, max_length=1000)


class CommentRead(BaseModel):
    """A Comment as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    body: str
    post_id: Int32
    author_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
