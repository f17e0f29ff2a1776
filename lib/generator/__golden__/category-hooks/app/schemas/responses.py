from pydantic import BaseModel

from app.schemas.category import CategoryRead


class CategoryDetail(CategoryRead):
    """A Category with its embedded relations."""

    parent: CategoryRead | None


class CategoryList(BaseModel):
    """One page of Category rows."""

    items: list[CategoryDetail]
    total: int
    limit: int
    offset: int
