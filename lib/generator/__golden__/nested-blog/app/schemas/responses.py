from pydantic import BaseModel

from app.schemas.article import ArticleRead, ArticleSummary
from app.schemas.comment import CommentRead
from app.schemas.note import NoteRead
from app.schemas.user import UserProfile


class ArticleDetail(ArticleRead):
    """An Article with its embedded relations."""

    author: UserProfile


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleSummary]
    total: int
    limit: int
    offset: int


class CommentDetail(CommentRead):
    """A Comment with its embedded relations."""

    author: UserProfile


class CommentList(BaseModel):
    """One page of Comment rows."""

    items: list[CommentDetail]
    total: int
    limit: int
    offset: int


class NoteList(BaseModel):
    """One page of Note rows."""

    items: list[NoteRead]
    total: int
    limit: int
    offset: int
