from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.enums import AccountRole
from app.schemas.common import Int32, UpdateModel, UTCDatetime


class AccountBase(BaseModel):
    """Fields of Account shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=320)


class AccountCreate(AccountBase):
    """Body of a request creating an Account."""

    password: str = Field(min_length=8, max_length=128)


class AccountUpdate(UpdateModel):
    """Partial update of an Account: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"email", "password"})

    email: EmailStr | None = Field(default=None, max_length=320)
    password: str | None = Field(default=None, min_length=8, max_length=128)
    current_password: str | None = Field(default=None, max_length=1024)


class AccountRead(BaseModel):
    """An Account as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    email: str
    role: AccountRole
    created_at: UTCDatetime
    updated_at: UTCDatetime


class AccountPublic(BaseModel):
    """An Account as others see it: owner-only fields left out."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    role: AccountRole
    created_at: UTCDatetime
    updated_at: UTCDatetime
