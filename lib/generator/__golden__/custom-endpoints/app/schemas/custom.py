"""Request bodies of the custom endpoints."""

from pydantic import BaseModel, ConfigDict, Field


class TicketInput(BaseModel):
    """What a custom endpoint takes of a Ticket: the fields a client may set."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=120)
