from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class NoteBase(BaseModel):
    """Fields of Note shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(max_length=100)
    pinned: bool = False
    rank: int | None = Field(default=None, ge=-2147483648, le=2147483647)


class NoteCreate(NoteBase):
    """Body of a request creating a Note."""


class NoteUpdate(UpdateModel):
    """Partial update of a Note: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"title", "pinned"})

    title: str | None = Field(default=None, max_length=100)
    pinned: bool | None = None
    rank: int | None = Field(default=None, ge=-2147483648, le=2147483647)


class NoteReplace(BaseModel):
    """Whole replacement of a Note (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(max_length=100)
    pinned: bool = False
    rank: int | None = Field(default=None, ge=-2147483648, le=2147483647)


class NoteRead(BaseModel):
    """A Note as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    title: str
    pinned: bool
    rank: int | None
    created_at: UTCDatetime = Field(alias="created")
    updated_at: UTCDatetime = Field(alias="modified")
