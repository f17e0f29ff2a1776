from typing import ClassVar

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class SubscriberBase(BaseModel):
    """Fields of Subscriber shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    list_name: str = Field(alias="listName", min_length=1, max_length=40)
    email: EmailStr = Field(max_length=320)


class SubscriberCreate(SubscriberBase):
    """Body of a request creating a Subscriber."""


class SubscriberUpdate(UpdateModel):
    """Partial update of a Subscriber: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"list_name", "email"})

    list_name: str | None = Field(
        default=None, alias="listName", min_length=1, max_length=40
    )
    email: EmailStr | None = Field(default=None, max_length=320)


class SubscriberReplace(BaseModel):
    """Whole replacement of a Subscriber (PUT): required fields are required,
    the others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    list_name: str = Field(alias="listName", min_length=1, max_length=40)
    email: EmailStr = Field(max_length=320)


class SubscriberRead(BaseModel):
    """A Subscriber as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    list_name: str = Field(alias="listName")
    email: str
    email_normalized: str = Field(
        alias="emailNormalized", json_schema_extra={"readOnly": True}
    )
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
