from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class NoteBase(BaseModel):
    """Fields of Note shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80)
    text: str = Field(max_length=100000)


class NoteCreate(NoteBase):
    """Body of a request creating a Note."""


class NoteUpdate(UpdateModel):
    """Partial update of a Note: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"slug", "text"})

    slug: str | None = Field(default=None, max_length=80)
    text: str | None = Field(default=None, max_length=100000)


class NoteReplace(BaseModel):
    """Whole replacement of a Note (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80)
    text: str = Field(max_length=100000)


class NoteRead(BaseModel):
    """A Note as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    slug: str
    text: str
    article_id: Int32 = Field(alias="articleId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class NoteCreateBody(BaseModel):
    """Body of a request: a NoteCreate under \"note\"."""

    model_config = ConfigDict(extra="forbid")

    note: NoteCreate


class NoteReplaceBody(BaseModel):
    """Body of a request: a NoteReplace under \"note\"."""

    model_config = ConfigDict(extra="forbid")

    note: NoteReplace
