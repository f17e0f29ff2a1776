from pydantic import BaseModel

from app.schemas.like import LikeRead
from app.schemas.post import PostRead
from app.schemas.subscriber import SubscriberRead


class PostList(BaseModel):
    """One page of Post rows."""

    items: list[PostRead]
    total: int
    limit: int
    offset: int


class SubscriberList(BaseModel):
    """One page of Subscriber rows."""

    items: list[SubscriberRead]
    total: int
    limit: int
    offset: int


class LikeList(BaseModel):
    """One page of Like rows."""

    items: list[LikeRead]
    total: int
    limit: int
    offset: int
