from pydantic import BaseModel, EmailStr, Field


class Token(BaseModel):
    """A bearer access token."""

    access_token: str
    token_type: str = "bearer"


class LoginRequest(BaseModel):
    """Credentials as JSON (the form variant is `POST /auth/login`)."""

    email: str
    password: str


class AccountRegister(BaseModel):
    """Body of `POST /auth/register`."""

    email: EmailStr = Field(max_length=320)
    password: str = Field(min_length=8)
