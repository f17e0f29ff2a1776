from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class MemberBase(BaseModel):
    """Fields of Member shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    handle: str = Field(min_length=3, max_length=40)
    bio: str | None = Field(default=None, max_length=100000)


class MemberCreate(MemberBase):
    """Body of a request creating a Member."""

    password: str = Field(min_length=8, max_length=128)


class MemberUpdate(UpdateModel):
    """Partial update of a Member: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"handle", "password"})

    handle: str | None = Field(default=None, min_length=3, max_length=40)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)


class MemberRead(BaseModel):
    """Someone who records readings."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    handle: str
    bio: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
