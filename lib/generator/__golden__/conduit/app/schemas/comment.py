from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CommentBase(BaseModel):
    """Fields of Comment shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    body: str = Field(min_length=1, max_length=5000)


class CommentCreate(CommentBase):
    """Body of a request creating a Comment."""


class CommentUpdate(UpdateModel):
    """Partial update of a Comment: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"body"})

    body: str | None = Field(default=None, min_length=1, max_length=5000)


class CommentRead(BaseModel):
    """A Comment as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    body: str
    article_id: Int32 = Field(alias="articleId")
    author_id: Int32 = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class CommentCreateBody(BaseModel):
    """Body of a request: a CommentCreate under \"comment\"."""

    model_config = ConfigDict(extra="forbid")

    comment: CommentCreate
