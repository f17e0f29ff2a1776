from pydantic import BaseModel, ConfigDict, EmailStr, Field


class Token(BaseModel):
    """A bearer access token."""

    access_token: str
    token_type: str = "bearer"


class LoginRequest(BaseModel):
    """Credentials as JSON (the form variant is `POST /auth/login`)."""

    model_config = ConfigDict(extra="forbid")

    email: str
    password: str


class UserRegister(BaseModel):
    """Body of `POST /auth/register`."""

    model_config = ConfigDict(extra="forbid", regex_engine="python-re")

    email: EmailStr = Field(max_length=320, examples=["ada@example.com"])
    password: str = Field(min_length=8)
    username: str = Field(
        min_length=3, max_length=30, pattern="^[a-z0-9_]+$", examples=["ada"]
    )
    bio: str | None = None
