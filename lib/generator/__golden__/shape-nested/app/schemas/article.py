from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ArticleBase(BaseModel):
    """Fields of Article shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80, pattern="^[a-z0-9-]+$")
    title: str = Field(max_length=200)
    published: bool = False


class ArticleCreate(ArticleBase):
    """Body of a request creating an Article."""


class ArticleUpdate(UpdateModel):
    """Partial update of an Article: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"slug", "title", "published"}
    )

    slug: str | None = Field(default=None, max_length=80, pattern="^[a-z0-9-]+$")
    title: str | None = Field(default=None, max_length=200)
    published: bool | None = None


class ArticleReplace(BaseModel):
    """Whole replacement of a Article (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    slug: str = Field(max_length=80, pattern="^[a-z0-9-]+$")
    title: str = Field(max_length=200)
    published: bool = False


class ArticleRead(BaseModel):
    """An Article as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    slug: str
    title: str
    published: bool
    author_id: Int32 = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class ArticleSummary(BaseModel):
    """A Article in its view ArticleSummary."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    slug: str
    title: str


class ArticleCreateBody(BaseModel):
    """Body of a request: a ArticleCreate under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleCreate


class ArticleReplaceBody(BaseModel):
    """Body of a request: a ArticleReplace under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleReplace
