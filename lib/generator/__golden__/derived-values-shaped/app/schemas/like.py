from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class LikeBase(BaseModel):
    """Fields of Like shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    note: str | None = Field(default=None, max_length=80)


class LikeCreate(LikeBase):
    """Body of a request creating a Like."""

    post_id: Int32 = Field(alias="postId")


class LikeUpdate(UpdateModel):
    """Partial update of a Like: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"post_id"})

    note: str | None = Field(default=None, max_length=80)
    post_id: Int32 | None = Field(default=None, alias="postId")


class LikeReplace(BaseModel):
    """Whole replacement of a Like (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    note: str | None = Field(default=None, max_length=80)
    post_id: Int32 = Field(alias="postId")


class LikeRead(BaseModel):
    """A Like as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    note: str | None
    user_id: Int32 = Field(alias="userId")
    post_id: Int32 = Field(alias="postId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
