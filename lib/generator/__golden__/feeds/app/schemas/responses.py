from pydantic import BaseModel

from app.schemas.article import ArticleRead
from app.schemas.company import CompanyRead
from app.schemas.link import LinkRead
from app.schemas.order import OrderRead
from app.schemas.page import PageRead
from app.schemas.profile import ProfileRead
from app.schemas.user import UserCard, UserProfile, UserPublic, UserRead


class UserDetail(UserRead):
    """A User with its embedded relations."""

    following: list[UserProfile]


class UserPublicDetail(UserPublic):
    """A User as others see it, with its embedded relations."""

    following: list[UserProfile]


class ArticleDetail(ArticleRead):
    """An Article with its embedded relations."""

    author: UserCard


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleDetail]
    total: int
    limit: int
    offset: int


class OrderList(BaseModel):
    """One page of Order rows."""

    items: list[OrderRead]
    total: int
    limit: int
    offset: int


class ProfileList(BaseModel):
    """One page of Profile rows."""

    items: list[ProfileRead]
    total: int
    limit: int
    offset: int


class CompanyList(BaseModel):
    """One page of Company rows."""

    items: list[CompanyRead]
    total: int
    limit: int
    offset: int


class PageList(BaseModel):
    """One page of Page rows."""

    items: list[PageRead]
    total: int
    limit: int
    offset: int


class LinkList(BaseModel):
    """One page of Link rows."""

    items: list[LinkRead]
    total: int
    limit: int
    offset: int
