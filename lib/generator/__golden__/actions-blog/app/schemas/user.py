from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class UserBase(BaseModel):
    """Fields of User shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    username: str = Field(min_length=1, max_length=40, pattern="^[a-z0-9_]+$")
    bio: str | None = Field(default=None, max_length=100000)


class UserCreate(UserBase):
    """Body of a request creating a User."""

    password: str = Field(min_length=8, max_length=128)


class UserUpdate(UpdateModel):
    """Partial update of a User: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "username", "password"}
    )

    email: EmailStr | None = Field(default=None, max_length=320)
    username: str | None = Field(
        default=None, min_length=1, max_length=40, pattern="^[a-z0-9_]+$"
    )
    password: str | None = Field(default=None, min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)


class UserRead(BaseModel):
    """A User as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    email: str
    username: str
    bio: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime


class UserPublic(BaseModel):
    """A User as others see it: owner-only fields left out."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    username: str
    bio: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
