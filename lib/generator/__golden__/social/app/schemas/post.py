from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=2000)


class PostCreate(PostBase):
    """Body of a request creating a Post."""


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"body"})

    body: str | None = Field(default=None, min_length=1, max_length=2000)


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    body: str
    author_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
    likes_count: int = Field(json_schema_extra={"readOnly": True})
    liked: bool = Field(json_schema_extra={"readOnly": True})
    comments_count: int = Field(json_schema_extra={"readOnly": True})
