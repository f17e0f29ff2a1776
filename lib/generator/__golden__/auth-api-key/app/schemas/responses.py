from pydantic import BaseModel

from app.schemas.article import ArticleRead


class ArticleList(BaseModel):
    """One page of Article rows."""

    items: list[ArticleRead]
    total: int
    limit: int
    offset: int
