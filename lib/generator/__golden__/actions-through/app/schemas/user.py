import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import UpdateModel, UTCDatetime


class UserBase(BaseModel):
    """Fields of User shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    email: EmailStr = Field(max_length=320)


class UserCreate(UserBase):
    """Body of a request creating a User."""

    password: str = Field(min_length=8, max_length=128)


class UserUpdate(UpdateModel):
    """Partial update of a User: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"email", "password"})

    email: EmailStr | None = Field(default=None, max_length=320)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    current_password: str | None = Field(
        default=None, alias="currentPassword", max_length=1024
    )


class UserReplace(BaseModel):
    """Whole replacement of a User (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    email: EmailStr = Field(max_length=320)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    current_password: str | None = Field(
        default=None, alias="currentPassword", max_length=1024
    )


class UserRead(BaseModel):
    """A User as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: uuid.UUID
    email: str
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class UserPublic(BaseModel):
    """A User as others see it: owner-only fields left out."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: uuid.UUID
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class UserReplaceBody(BaseModel):
    """Body of a request: a UserReplace under \"user\"."""

    model_config = ConfigDict(extra="forbid")

    user: UserReplace
