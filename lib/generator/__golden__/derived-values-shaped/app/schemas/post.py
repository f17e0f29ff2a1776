from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=80)
    body: str = Field(max_length=100000)
    published: bool = False


class PostCreate(PostBase):
    """Body of a request creating a Post."""


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "body", "published"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=80)
    body: str | None = Field(default=None, max_length=100000)
    published: bool | None = None


class PostReplace(BaseModel):
    """Whole replacement of a Post (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=80)
    body: str = Field(max_length=100000)
    published: bool = False


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    title: str
    slug: str = Field(json_schema_extra={"readOnly": True})
    body: str
    published: bool
    published_at: UTCDatetime | None = Field(
        alias="publishedAt", json_schema_extra={"readOnly": True}
    )
    author_id: Int32 = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
