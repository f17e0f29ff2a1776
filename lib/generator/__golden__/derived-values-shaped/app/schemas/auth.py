from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr, UpdateModel


class Token(BaseModel):
    """A bearer access token."""

    access_token: str
    token_type: str = "bearer"


class LoginRequest(BaseModel):
    """Credentials as JSON (the form variant is `POST /auth/login`)."""

    model_config = ConfigDict(extra="forbid")

    email: SafeStr
    password: SafeStr


class UserRegister(BaseModel):
    """Body of `POST /auth/register`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    email: EmailStr = Field(max_length=320)
    password: str = Field(min_length=8, max_length=128)
    display_name: str = Field(alias="displayName", max_length=80)


class UserSelfUpdate(UpdateModel):
    """Body of `PUT /auth/me`: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "password", "display_name"}
    )

    email: EmailStr | None = Field(default=None, max_length=320)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    display_name: str | None = Field(default=None, alias="displayName", max_length=80)
    current_password: str | None = Field(
        default=None, alias="currentPassword", max_length=1024
    )
