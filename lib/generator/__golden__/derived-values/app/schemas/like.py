from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class LikeBase(BaseModel):
    """Fields of Like shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=80)


class LikeCreate(LikeBase):
    """Body of a request creating a Like."""

    post_id: Int32


class LikeUpdate(UpdateModel):
    """Partial update of a Like: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"post_id"})

    note: str | None = Field(default=None, max_length=80)
    post_id: Int32 | None = None


class LikeRead(BaseModel):
    """A Like as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    note: str | None
    user_id: Int32
    post_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
