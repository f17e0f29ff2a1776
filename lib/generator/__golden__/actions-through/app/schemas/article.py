import uuid
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.enums import ArticleStatus
from app.schemas.common import UpdateModel, UTCDatetime


class ArticleBase(BaseModel):
    """Fields of Article shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80)


class ArticleCreate(ArticleBase):
    """Body of a request creating an Article."""


class ArticleUpdate(UpdateModel):
    """Partial update of an Article: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"slug"})

    slug: str | None = Field(default=None, max_length=80)


class ArticleReplace(BaseModel):
    """Whole replacement of a Article (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80)


class ArticleRead(BaseModel):
    """An Article as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: uuid.UUID
    slug: str
    status: ArticleStatus
    author_id: uuid.UUID = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class ArticleCreateBody(BaseModel):
    """Body of a request: a ArticleCreate under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleCreate


class ArticleReplaceBody(BaseModel):
    """Body of a request: a ArticleReplace under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleReplace
