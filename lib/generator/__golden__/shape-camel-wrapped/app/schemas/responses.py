from pydantic import BaseModel, ConfigDict, Field

from app.schemas.author import AuthorRead
from app.schemas.blog_article import BlogArticleRead


class AuthorList(BaseModel):
    """One page of Author rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[AuthorRead] = Field(alias="authors")
    total: int = Field(alias="authorsCount")


class AuthorReadEnvelope(BaseModel):
    """A Author answered under \"author\"."""

    author: AuthorRead


class BlogArticleDetail(BlogArticleRead):
    """A BlogArticle with its embedded relations."""

    written_by: AuthorRead = Field(alias="writtenBy")


class BlogArticleList(BaseModel):
    """One page of BlogArticle rows."""

    model_config = ConfigDict(populate_by_name=True)

    items: list[BlogArticleDetail] = Field(alias="blogArticles")
    total: int = Field(alias="blogArticlesCount")


class BlogArticleDetailEnvelope(BaseModel):
    """A BlogArticle answered under \"blogArticle\"."""

    model_config = ConfigDict(populate_by_name=True)

    blog_article: BlogArticleDetail = Field(alias="blogArticle")
