from pydantic import BaseModel

from app.schemas.comment import CommentRead
from app.schemas.post import PostRead
from app.schemas.tag import TagRead
from app.schemas.user import UserPublic


class UserList(BaseModel):
    """One page of User rows."""

    items: list[UserPublic]
    total: int
    limit: int
    offset: int


class PostDetail(PostRead):
    """A Post with its embedded relations."""

    author: UserPublic
    tags: list[TagRead]


class PostList(BaseModel):
    """One page of Post rows."""

    items: list[PostDetail]
    total: int
    limit: int
    offset: int


class CommentDetail(CommentRead):
    """A Comment with its embedded relations."""

    author: UserPublic


class CommentList(BaseModel):
    """One page of Comment rows."""

    items: list[CommentDetail]
    total: int
    limit: int
    offset: int


class TagList(BaseModel):
    """One page of Tag rows."""

    items: list[TagRead]
    total: int
    limit: int
    offset: int
