from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr, UpdateModel


class Token(BaseModel):
    """A bearer access token."""

    access_token: str
    token_type: str = "bearer"


class LoginRequest(BaseModel):
    """Credentials as JSON (the form variant is `POST /sessions/form`)."""

    model_config = ConfigDict(extra="forbid")

    email: SafeStr
    password: SafeStr


class UserRegister(BaseModel):
    """Body of `POST /accounts`."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)


class UserSelfUpdate(UpdateModel):
    """Body of `PATCH /accounts/me`: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "username", "password"}
    )

    email: EmailStr | None = Field(default=None, max_length=320)
    username: str | None = Field(default=None, min_length=1, max_length=40)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)
    current_password: str | None = Field(default=None, max_length=1024)
