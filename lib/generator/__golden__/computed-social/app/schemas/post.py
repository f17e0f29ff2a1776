from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=120)


class PostCreate(PostBase):
    """Body of a request creating a Post."""


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"title"})

    title: str | None = Field(default=None, min_length=1, max_length=120)


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    title: str
    author_id: Int32 = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
    likes_count: int = Field(alias="likesCount", json_schema_extra={"readOnly": True})
    liked: bool = Field(json_schema_extra={"readOnly": True})
    comments_count: int = Field(
        alias="approvedComments", json_schema_extra={"readOnly": True}
    )
    top_rating: int | None = Field(
        alias="topRating", json_schema_extra={"readOnly": True}
    )
    rating_total: int = Field(alias="ratingTotal", json_schema_extra={"readOnly": True})
    has_comments: bool = Field(
        alias="hasComments", json_schema_extra={"readOnly": True}
    )
