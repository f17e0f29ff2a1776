from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CommentBase(BaseModel):
    """Fields of Comment shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    body: str = Field(max_length=100000)
    rating: int = Field(ge=1, le=5)
    approved: bool = False


class CommentCreate(CommentBase):
    """Body of a request creating a Comment."""

    post_id: Int32 = Field(alias="postId")


class CommentUpdate(UpdateModel):
    """Partial update of a Comment: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"body", "rating", "approved", "post_id"}
    )

    body: str | None = Field(default=None, max_length=100000)
    rating: int | None = Field(default=None, ge=1, le=5)
    approved: bool | None = None
    post_id: Int32 | None = Field(default=None, alias="postId")


class CommentRead(BaseModel):
    """A Comment as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    body: str
    rating: int
    approved: bool
    post_id: Int32 = Field(alias="postId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
