from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class SubscriberBase(BaseModel):
    """Fields of Subscriber shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    list_name: str = Field(min_length=1, max_length=40)
    email: EmailStr = Field(max_length=320)


class SubscriberCreate(SubscriberBase):
    """Body of a request creating a Subscriber."""


class SubscriberUpdate(UpdateModel):
    """Partial update of a Subscriber: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"list_name", "email"})

    list_name: str | None = Field(default=None, min_length=1, max_length=40)
    email: EmailStr | None = Field(default=None, max_length=320)


class SubscriberRead(BaseModel):
    """A Subscriber as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    list_name: str
    email: str
    email_normalized: str = Field(json_schema_extra={"readOnly": True})
    created_at: UTCDatetime
    updated_at: UTCDatetime
