from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import HttpUrlStr, Int32, UpdateModel, UTCDatetime


class UserBase(BaseModel):
    """Fields of User shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    email: EmailStr = Field(max_length=320, examples=["ada@example.com"])
    username: str = Field(
        min_length=1, max_length=40, pattern="^[A-Za-z0-9_-]+$", examples=["jake"]
    )
    bio: str | None = Field(default=None, max_length=2000)
    image: HttpUrlStr | None = Field(default=None, max_length=2048)


class UserCreate(UserBase):
    """Body of a request creating a User."""

    password: str = Field(min_length=8, max_length=128)


class UserUpdate(UpdateModel):
    """Partial update of a User: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "password", "username"}
    )

    email: EmailStr | None = Field(
        default=None, max_length=320, examples=["ada@example.com"]
    )
    password: str | None = Field(default=None, min_length=8, max_length=128)
    username: str | None = Field(
        default=None,
        min_length=1,
        max_length=40,
        pattern="^[A-Za-z0-9_-]+$",
        examples=["jake"],
    )
    bio: str | None = Field(default=None, max_length=2000)
    image: HttpUrlStr | None = Field(default=None, max_length=2048)


class UserRead(BaseModel):
    """A person who can sign in."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    email: str
    username: str
    bio: str | None
    image: str | None
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
    following: bool = Field(json_schema_extra={"readOnly": True})


class UserPublic(BaseModel):
    """A User as others see it: owner-only fields left out."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    username: str
    bio: str | None
    image: str | None
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
    following: bool = Field(json_schema_extra={"readOnly": True})


class UserProfile(BaseModel):
    """A User in its view UserProfile."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    username: str
    bio: str | None
    image: str | None
    following: bool = Field(json_schema_extra={"readOnly": True})
