from pydantic import BaseModel

from app.schemas.article import ArticleRead
from app.schemas.comment import CommentRead
from app.schemas.tag import TagRead


class ArticleDetail(ArticleRead):
    """An Article with its embedded relations."""

    tags: list[TagRead]


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleDetail]
    total: int
    limit: int
    offset: int


class TagList(BaseModel):
    """One page of Tag rows."""

    items: list[TagRead]
    total: int
    limit: int
    offset: int


class CommentList(BaseModel):
    """One page of Comment rows."""

    items: list[CommentRead]
    total: int
    limit: int
    offset: int
