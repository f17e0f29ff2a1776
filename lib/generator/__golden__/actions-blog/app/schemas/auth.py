from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import SafeStr


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

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)
    username: str = Field(min_length=1, max_length=40, pattern="^[a-z0-9_]+$")
    password: str = Field(min_length=8, max_length=128)
    bio: str | None = Field(default=None, max_length=100000)
