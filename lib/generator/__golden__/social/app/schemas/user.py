from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class UserBase(BaseModel):
    """Fields of User shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320, examples=["ada@example.com"])
    username: str = Field(
        min_length=3, max_length=30, pattern="^[a-z0-9_]+$", examples=["ada"]
    )
    bio: str | None = Field(default=None, max_length=500)


class UserCreate(UserBase):
    """Body of a request creating a User."""

    password: str = Field(min_length=8, max_length=128)


class UserUpdate(UpdateModel):
    """Partial update of a User: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "password", "username"}
    )

    email: EmailStr | None = Field(
        default=None, max_length=320, examples=["ada@example.com"]
    )
    password: str | None = Field(default=None, min_length=8, max_length=128)
    username: str | None = Field(
        default=None,
        min_length=3,
        max_length=30,
        pattern="^[a-z0-9_]+$",
        examples=["ada"],
    )
    bio: str | None = Field(default=None, max_length=500)
    current_password: str | None = Field(default=None, max_length=1024)


class UserRead(BaseModel):
    """A person who can sign in."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    email: str
    username: str
    bio: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
    followers_count: int = Field(json_schema_extra={"readOnly": True})
    following_count: int = Field(json_schema_extra={"readOnly": True})
    followed: bool = Field(json_schema_extra={"readOnly": True})


class UserPublic(BaseModel):
    """A User as others see it: owner-only fields left out."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    username: str
    bio: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
    followers_count: int = Field(json_schema_extra={"readOnly": True})
    following_count: int = Field(json_schema_extra={"readOnly": True})
    followed: bool = Field(json_schema_extra={"readOnly": True})


class UserProfile(BaseModel):
    """A User in its view UserProfile."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    username: str
    bio: str | None
    followers_count: int = Field(json_schema_extra={"readOnly": True})
    following_count: int = Field(json_schema_extra={"readOnly": True})
    followed: bool = Field(json_schema_extra={"readOnly": True})
