from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import HttpUrlStr, SafeStr, UpdateModel
from app.schemas.user import UserRead


class LoginRequest(BaseModel):
    """Credentials as JSON."""

    model_config = ConfigDict(extra="forbid")

    email: SafeStr
    password: SafeStr


class UserRegister(BaseModel):
    """Body of `POST /users`."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320, examples=["ada@example.com"])
    password: str = Field(min_length=8, max_length=128)
    username: str = Field(
        min_length=1, max_length=40, pattern="^[A-Za-z0-9_-]+$", examples=["jake"]
    )
    bio: str | None = Field(default=None, max_length=2000)
    image: HttpUrlStr | None = Field(default=None, max_length=2048)


class UserWithToken(UserRead):
    """The signed-in User with an access token."""

    token: str


class UserSelfUpdate(UpdateModel):
    """Body of `PUT /user`: only the fields sent are changed."""

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
    current_password: str | None = Field(
        default=None, alias="currentPassword", max_length=1024
    )


class UserWithTokenEnvelope(BaseModel):
    """`{\"user\": UserWithToken}`."""

    user: UserWithToken


class UserRegisterEnvelope(BaseModel):
    """`{\"user\": UserRegister}`."""

    model_config = ConfigDict(extra="forbid")

    user: UserRegister


class LoginRequestEnvelope(BaseModel):
    """`{\"user\": LoginRequest}`."""

    model_config = ConfigDict(extra="forbid")

    user: LoginRequest


class UserSelfUpdateEnvelope(BaseModel):
    """`{\"user\": UserSelfUpdate}`."""

    model_config = ConfigDict(extra="forbid")

    user: UserSelfUpdate
