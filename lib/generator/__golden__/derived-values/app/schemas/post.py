from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=80)
    body: str = Field(max_length=100000)
    published: bool = False


class PostCreate(PostBase):
    """Body of a request creating a Post."""


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "body", "published"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=80)
    body: str | None = Field(default=None, max_length=100000)
    published: bool | None = None


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    title: str
    slug: str = Field(json_schema_extra={"readOnly": True})
    body: str
    published: bool
    published_at: UTCDatetime | None = Field(json_schema_extra={"readOnly": True})
    author_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
