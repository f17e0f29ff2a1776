from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr, UpdateModel
from app.schemas.user import UserRead


class LoginRequest(BaseModel):
    """Credentials as JSON."""

    model_config = ConfigDict(extra="forbid")

    email: SafeStr
    password: SafeStr


class UserRegister(BaseModel):
    """Body of `POST /users`."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)


class UserWithToken(UserRead):
    """The signed-in User with an access token."""

    token: str


class UserSelfUpdate(UpdateModel):
    """Body of `PUT /user`: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"email", "username", "password"}
    )

    email: EmailStr | None = Field(default=None, max_length=320)
    username: str | None = Field(default=None, min_length=1, max_length=40)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)
    current_password: str | None = Field(default=None, max_length=1024)


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
