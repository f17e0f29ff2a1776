from typing import ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    slug: str = Field(max_length=200, pattern="^[a-z0-9-]+$", examples=["hello-world"])
    body: str = Field(max_length=100000)
    published: bool = False
    published_at: AwareDatetime | None = None


class PostCreate(PostBase):
    """Body of a request creating a Post."""

    tags: list[Int32] = Field(default_factory=list, max_length=100)


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"title", "slug", "body", "published", "tags"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=200)
    slug: str | None = Field(
        default=None, max_length=200, pattern="^[a-z0-9-]+$", examples=["hello-world"]
    )
    body: str | None = Field(default=None, max_length=100000)
    published: bool | None = None
    published_at: AwareDatetime | None = None
    tags: list[Int32] | None = Field(default=None, max_length=100)


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    title: str
    slug: str
    body: str
    published: bool
    published_at: UTCDatetime | None
    author_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
