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

    email: EmailStr = Field(max_length=320, examples=["ada@example.com"])
    password: str = Field(min_length=8, max_length=128)
    username: str = Field(
        min_length=3, max_length=30, pattern="^[a-z0-9_]+$", examples=["ada"]
    )
    bio: str | None = Field(default=None, max_length=500)
