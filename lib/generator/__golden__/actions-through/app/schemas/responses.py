from pydantic import BaseModel

from app.schemas.article import ArticleRead
from app.schemas.user import UserPublic, UserRead


class UserPublicEnvelope(BaseModel):
    """A User answered under \"user\"."""

    user: UserPublic


class UserReadEnvelope(BaseModel):
    """A User answered under \"user\"."""

    user: UserRead


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleRead]
    total: int
    limit: int
    offset: int


class ArticleReadEnvelope(BaseModel):
    """A Article answered under \"article\"."""

    article: ArticleRead
