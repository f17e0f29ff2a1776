import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.enums import TicketState
from app.schemas.common import Int32, UpdateModel, UTCDatetime


class TicketBase(BaseModel):
    """Fields of Ticket shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=120)


class TicketCreate(TicketBase):
    """Body of a request creating a Ticket."""

    pin: str | None = Field(default=None, max_length=128)
    secret: str | None = Field(default=None, max_length=255)


class TicketUpdate(UpdateModel):
    """Partial update of a Ticket: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"title"})

    title: str | None = Field(default=None, min_length=1, max_length=120)
    pin: str | None = Field(default=None, max_length=128)
    secret: str | None = Field(default=None, max_length=255)


class TicketRead(BaseModel):
    """A Ticket as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    state: TicketState
    reporter_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
