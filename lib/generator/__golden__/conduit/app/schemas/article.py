from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ArticleBase(BaseModel):
    """Fields of Article shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(max_length=500)
    body: str = Field(min_length=1, max_length=100000)


class ArticleCreate(ArticleBase):
    """Body of a request creating an Article."""

    tags: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, alias="tagList", max_length=100
    )


class ArticleUpdate(UpdateModel):
    """Partial update of an Article: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "description", "body", "tags"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, min_length=1, max_length=100000)
    tags: list[Annotated[str, Field(min_length=1, max_length=60)]] | None = Field(
        default=None, alias="tagList", max_length=100
    )


class ArticleReplace(BaseModel):
    """Whole replacement of a Article (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(max_length=500)
    body: str = Field(min_length=1, max_length=100000)
    tags: list[Annotated[str, Field(min_length=1, max_length=60)]] = Field(
        default_factory=list, alias="tagList", max_length=100
    )


class ArticleRead(BaseModel):
    """An Article as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    slug: str = Field(json_schema_extra={"readOnly": True})
    title: str
    description: str
    body: str
    author_id: Int32 = Field(alias="authorId")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")
    favorited: bool = Field(json_schema_extra={"readOnly": True})
    favorites_count: int = Field(
        alias="favoritesCount", json_schema_extra={"readOnly": True}
    )


class ArticleCreateBody(BaseModel):
    """Body of a request: a ArticleCreate under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleCreate


class ArticleReplaceBody(BaseModel):
    """Body of a request: a ArticleReplace under \"article\"."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleReplace
