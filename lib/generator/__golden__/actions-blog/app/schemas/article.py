from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ArticleBase(BaseModel):
    """Fields of Article shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(max_length=80, pattern="^[a-z0-9-]+$")
    title: str = Field(min_length=1, max_length=120)
    published: bool = False


class ArticleCreate(ArticleBase):
    """Body of a request creating an Article."""

    editor_id: Int32 | None = None
    tags: list[Int32] = Field(default_factory=list, max_length=100)


class ArticleUpdate(UpdateModel):
    """Partial update of an Article: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"slug", "title", "published", "tags"}
    )

    slug: str | None = Field(default=None, max_length=80, pattern="^[a-z0-9-]+$")
    title: str | None = Field(default=None, min_length=1, max_length=120)
    published: bool | None = None
    editor_id: Int32 | None = None
    tags: list[Int32] | None = Field(default=None, max_length=100)


class ArticleRead(BaseModel):
    """An Article as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    slug: str
    title: str
    published: bool
    published_at: UTCDatetime | None
    author_id: Int32
    editor_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
