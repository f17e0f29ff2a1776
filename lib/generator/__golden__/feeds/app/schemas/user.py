from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class UserBase(BaseModel):
    """Fields of User shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    username: str = Field(min_length=1, max_length=40)
    bio: str | None = Field(default=None, max_length=100000)


class UserCreate(UserBase):
    """Body of a request creating a User."""

    password: str = Field(min_length=8, max_length=128)
    following: list[Int32] = Field(default_factory=list, max_length=100)


class UserUpdate(UpdateModel):
    """Partial update of a User: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "password", "username", "following"}
    )

    email: EmailStr | None = Field(default=None, max_length=320)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    username: str | None = Field(default=None, min_length=1, max_length=40)
    bio: str | None = Field(default=None, max_length=100000)
    following: list[Int32] | None = Field(default=None, max_length=100)
    current_password: str | None = Field(default=None, max_length=1024)


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


class UserCard(BaseModel):
    """A User in its view UserCard."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    username: str


class UserProfile(BaseModel):
    """A User in its view UserProfile."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    username: str
    bio: str | None
