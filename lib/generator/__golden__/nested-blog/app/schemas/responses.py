from pydantic import BaseModel

from app.schemas.article import ArticleRead
from app.schemas.comment import CommentRead
from app.schemas.note import NoteRead


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleRead]
    total: int
    limit: int
    offset: int


class CommentList(BaseModel):
    """One page of Comment rows."""

    items: list[CommentRead]
    total: int
    limit: int
    offset: int


class NoteList(BaseModel):
    """One page of Note rows."""

    items: list[NoteRead]
    total: int
    limit: int
    offset: int
