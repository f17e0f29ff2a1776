from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.schemas.article import ArticleRead
from app.schemas.comment import CommentRead
from app.schemas.tag import TagRead
from app.schemas.user import UserProfile


class UserProfileEnvelope(BaseModel):
    """A User answered under \"profile\"."""

    profile: UserProfile


class ArticleDetail(ArticleRead):
    """An Article with its embedded relations."""

    author: UserProfile
    tags: list[str] = Field(alias="tagList")

    @field_validator("tags", mode="before")
    @classmethod
    def values_of_tags(cls, rows: Any) -> Any:
        """The related rows' values, sorted by code point (as on every database)."""
        return sorted(getattr(row, "name", row) for row in rows)


class ArticleList(BaseModel):
    """One page of Article rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[ArticleDetail] = Field(alias="articles")
    total: int = Field(alias="articlesCount")


class ArticleDetailEnvelope(BaseModel):
    """A Article answered under \"article\"."""

    article: ArticleDetail


class CommentDetail(CommentRead):
    """A Comment with its embedded relations."""

    author: UserProfile


class CommentList(BaseModel):
    """One page of Comment rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[CommentDetail] = Field(alias="comments")


class CommentDetailEnvelope(BaseModel):
    """A Comment answered under \"comment\"."""

    comment: CommentDetail


class TagList(BaseModel):
    """One page of Tag rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[TagRead] = Field(alias="tags")
