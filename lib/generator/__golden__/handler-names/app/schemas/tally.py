from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class TallyBase(BaseModel):
    """Fields of Tally shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    statement: str = Field(max_length=40)


class TallyCreate(TallyBase):
    """Body of a request creating a Tally."""


class TallyUpdate(UpdateModel):
    """Partial update of a Tally: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"statement"})

    statement: str | None = Field(default=None, max_length=40)


class TallyRead(BaseModel):
    """A Tally as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    statement: str
    created_at: UTCDatetime
    updated_at: UTCDatetime
