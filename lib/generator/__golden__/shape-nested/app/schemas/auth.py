from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr
from app.schemas.user import UserRead


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


class UserSelfEnvelope(BaseModel):
    """`{\"user\": UserRead}`."""

    user: UserRead


class UserRegisterEnvelope(BaseModel):
    """`{\"user\": UserRegister}`."""

    model_config = ConfigDict(extra="forbid")

    user: UserRegister


class LoginRequestEnvelope(BaseModel):
    """`{\"user\": LoginRequest}`."""

    model_config = ConfigDict(extra="forbid")

    user: LoginRequest
