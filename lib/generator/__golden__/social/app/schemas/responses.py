from pydantic import BaseModel

from app.schemas.comment import CommentRead
from app.schemas.post import PostRead
from app.schemas.user import UserProfile


class UserList(BaseModel):
    """One page of User rows."""

    items: list[UserProfile]
    total: int
    limit: int
    offset: int


class PostDetail(PostRead):
    """A Post with its embedded relations."""

    author: UserProfile


class PostList(BaseModel):
    """One page of Post rows."""

    items: list[PostDetail]
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
