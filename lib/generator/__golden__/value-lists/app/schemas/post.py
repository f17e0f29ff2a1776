from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PostBase(BaseModel):
    """Fields of Post shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(max_length=120)


class PostCreate(PostBase):
    """Body of a request creating a Post."""

    tags: list[
        Annotated[str, Field(min_length=1, max_length=20, pattern="^[a-z0-9-]+$")]
    ] = Field(default_factory=list, alias="tag_list", max_length=100)


class PostUpdate(UpdateModel):
    """Partial update of a Post: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"title", "tags"})

    title: str | None = Field(default=None, max_length=120)
    tags: (
        list[Annotated[str, Field(min_length=1, max_length=20, pattern="^[a-z0-9-]+$")]]
        | None
    ) = Field(default=None, alias="tag_list", max_length=100)


class PostReplace(BaseModel):
    """Whole replacement of a Post (PUT): required fields are required, the
    others reset when left out.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    title: str = Field(max_length=120)
    tags: list[
        Annotated[str, Field(min_length=1, max_length=20, pattern="^[a-z0-9-]+$")]
    ] = Field(default_factory=list, alias="tag_list", max_length=100)


class PostRead(BaseModel):
    """A Post as returned by the API."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True)

    id: Int32
    title: str
    created_at: UTCDatetime
    updated_at: UTCDatetime
