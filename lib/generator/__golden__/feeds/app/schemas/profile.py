from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ProfileBase(BaseModel):
    """Fields of Profile shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(max_length=120)


class ProfileCreate(ProfileBase):
    """Body of a request creating a Profile."""


class ProfileUpdate(UpdateModel):
    """Partial update of a Profile: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"headline"})

    headline: str | None = Field(default=None, max_length=120)


class ProfileRead(BaseModel):
    """A Profile as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    headline: str
    user_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
