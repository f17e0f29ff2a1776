from typing import ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class BlogArticleBase(BaseModel):
    """Fields of BlogArticle shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=120)
    body_text: str = Field(alias="bodyText", max_length=100000)
    view_count: int = Field(default=0, alias="viewCount", ge=-2147483648, le=2147483647)
    published_at: AwareDatetime | None = Field(default=None, alias="publishedAt")


class BlogArticleCreate(BlogArticleBase):
    """Body of a request creating a BlogArticle."""

    written_by_id: Int32 = Field(alias="writtenById")


class BlogArticleUpdate(UpdateModel):
    """Partial update of a BlogArticle: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "body_text", "view_count", "written_by_id"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=120)
    body_text: str | None = Field(default=None, alias="bodyText", max_length=100000)
    view_count: int | None = Field(
        default=None, alias="viewCount", ge=-2147483648, le=2147483647
    )
    published_at: AwareDatetime | None = Field(default=None, alias="publishedAt")
    written_by_id: Int32 | None = Field(default=None, alias="writtenById")


class BlogArticleReplace(BaseModel):
    """Whole replacement of a BlogArticle (PUT): required fields are required,
    the others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(min_length=1, max_length=120)
    body_text: str = Field(alias="bodyText", max_length=100000)
    view_count: int = Field(default=0, alias="viewCount", ge=-2147483648, le=2147483647)
    published_at: AwareDatetime | None = Field(default=None, alias="publishedAt")
    written_by_id: Int32 = Field(alias="writtenById")


class BlogArticleRead(BaseModel):
    """A BlogArticle as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    title: str
    body_text: str = Field(alias="bodyText")
    view_count: int = Field(alias="viewCount")
    published_at: UTCDatetime | None = Field(alias="publishedAt")
    written_by_id: Int32 = Field(alias="writtenById")
    created_at: UTCDatetime = Field(alias="createdAt")
    updated_at: UTCDatetime = Field(alias="updatedAt")


class BlogArticleCreateBody(BaseModel):
    """Body of a request: a BlogArticleCreate under \"blogArticle\"."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    blog_article: BlogArticleCreate = Field(alias="blogArticle")


class BlogArticleUpdateBody(BaseModel):
    """Body of a request: a BlogArticleUpdate under \"blogArticle\"."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    blog_article: BlogArticleUpdate = Field(alias="blogArticle")


class BlogArticleReplaceBody(BaseModel):
    """Body of a request: a BlogArticleReplace under \"blogArticle\"."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    blog_article: BlogArticleReplace = Field(alias="blogArticle")
