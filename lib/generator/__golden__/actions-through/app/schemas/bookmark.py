import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import UpdateModel, UTCDatetime


class BookmarkBase(BaseModel):
    """Fields of Bookmark shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    note: str | None = Field(default=None, max_length=200)


class BookmarkCreate(BookmarkBase):
    """Body of a request creating a Bookmark."""

    article_id: uuid.UUID = Field(alias="articleId")
    user_id: uuid.UUID = Field(alias="userId")


class BookmarkUpdate(UpdateModel):
    """Partial update of a Bookmark: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"article_id", "user_id"})

    note: str | None = Field(default=None, max_length=200)
    article_id: uuid.UUID | None = Field(default=None, alias="articleId")
    user_id: uuid.UUID | None = Field(default=None, alias="userId")


class BookmarkRead(BaseModel):
    """A Bookmark as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: uuid.UUID
    note: str | None
    article_id: uuid.UUID = Field(alias="articleId")
    user_id: uuid.UUID = Field(alias="userId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
