from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr
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
    password: str = Field(min_length=8, max_length=128)


class UserWithToken(UserRead):
    """The signed-in User with an access token."""

    token: str


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
