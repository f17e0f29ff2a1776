from pydantic import BaseModel, ConfigDict, Field

from app.schemas.article import ArticleRead, ArticleSummary
from app.schemas.comment import CommentRead
from app.schemas.note import NoteRead
from app.schemas.user import UserProfile, UserRead


class UserProfileEnvelope(BaseModel):
    """A User answered under \"user\"."""

    user: UserProfile


class UserReadEnvelope(BaseModel):
    """A User answered under \"user\"."""

    user: UserRead


class ArticleDetail(ArticleRead):
    """An Article with its embedded relations."""

    author: UserProfile


class ArticleList(BaseModel):
    """One page of Article rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[ArticleSummary] = Field(alias="articles")
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
    total: int = Field(alias="commentsCount")


class CommentDetailEnvelope(BaseModel):
    """A Comment answered under \"comment\"."""

    comment: CommentDetail


class NoteList(BaseModel):
    """One page of Note rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[NoteRead] = Field(alias="notes")
    total: int = Field(alias="notesCount")


class NoteReadEnvelope(BaseModel):
    """A Note answered under \"note\"."""

    note: NoteRead
