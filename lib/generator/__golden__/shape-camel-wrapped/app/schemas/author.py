from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class AuthorBase(BaseModel):
    """Fields of Author shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    username: str = Field(max_length=40)
    display_name: str = Field(alias="handle", max_length=80)
    short_bio: str | None = Field(default=None, alias="shortBio", max_length=100000)


class AuthorCreate(AuthorBase):
    """Body of a request creating an Author."""


class AuthorUpdate(UpdateModel):
    """Partial update of an Author: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"username", "display_name"})

    username: str | None = Field(default=None, max_length=40)
    display_name: str | None = Field(default=None, alias="handle", max_length=80)
    short_bio: str | None = Field(default=None, alias="shortBio", max_length=100000)


class AuthorRead(BaseModel):
    """An Author as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    username: str
    display_name: str = Field(alias="handle")
    short_bio: str | None = Field(alias="shortBio")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class AuthorCreateBody(BaseModel):
    """Body of a request: a AuthorCreate under \"author\"."""

    model_config = ConfigDict(extra="forbid")

    author: AuthorCreate


class AuthorUpdateBody(BaseModel):
    """Body of a request: a AuthorUpdate under \"author\"."""

    model_config = ConfigDict(extra="forbid")

    author: AuthorUpdate
