from typing import Any

from pydantic import BaseModel, Field, field_validator

from app.schemas.category import CategoryRead
from app.schemas.person import PersonRead
from app.schemas.placement import PlacementRead
from app.schemas.post import PostRead
from app.schemas.tag import TagRead


class TagList(BaseModel):
    """One page of Tag rows."""

    items: list[TagRead]
    total: int
    limit: int
    offset: int


class PostDetail(PostRead):
    """A Post with its embedded relations."""

    tags: list[str] = Field(alias="tag_list")
    categories: list[str]

    @field_validator("tags", mode="before")
    @classmethod
    def values_of_tags(cls, rows: Any) -> Any:
        """The related rows' values, sorted by code point (as on every database)."""
        return sorted(getattr(row, "name", row) for row in rows)

    @field_validator("categories", mode="before")
    @classmethod
    def values_of_categories(cls, rows: Any) -> Any:
        """The related rows' values, sorted by code point (as on every database)."""
        return sorted(getattr(row, "name", row) for row in rows)


class PostList(BaseModel):
    """One page of Post rows."""

    items: list[PostDetail]
    total: int
    limit: int
    offset: int


class CategoryList(BaseModel):
    """One page of Category rows."""

    items: list[CategoryRead]
    total: int
    limit: int
    offset: int


class PlacementList(BaseModel):
    """One page of Placement rows."""

    items: list[PlacementRead]
    total: int
    limit: int
    offset: int


class PersonDetail(PersonRead):
    """A Person with its embedded relations."""

    follows: list[str]
    followers: list[str]

    @field_validator("follows", mode="before")
    @classmethod
    def values_of_follows(cls, rows: Any) -> Any:
        """The related rows' values, sorted by code point (as on every database)."""
        return sorted(getattr(row, "handle", row) for row in rows)

    @field_validator("followers", mode="before")
    @classmethod
    def values_of_followers(cls, rows: Any) -> Any:
        """The related rows' values, sorted by code point (as on every database)."""
        return sorted(getattr(row, "handle", row) for row in rows)


class PersonList(BaseModel):
    """One page of Person rows."""

    items: list[PersonDetail]
    total: int
    limit: int
    offset: int
