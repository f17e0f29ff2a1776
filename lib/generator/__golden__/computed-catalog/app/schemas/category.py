from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CategoryBase(BaseModel):
    """Fields of Category shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=80)


class CategoryCreate(CategoryBase):
    """Body of a request creating a Category."""

    parent_id: Int32 | None = None


class CategoryUpdate(UpdateModel):
    """Partial update of a Category: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=80)
    parent_id: Int32 | None = None


class CategoryRead(BaseModel):
    """A Category as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    parent_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
    children_count: int = Field(json_schema_extra={"readOnly": True})
    product_count: int = Field(json_schema_extra={"readOnly": True})
    total_price: Decimal = Field(json_schema_extra={"readOnly": True})
    cheapest: Decimal | None = Field(json_schema_extra={"readOnly": True})
    in_stock_count: int = Field(json_schema_extra={"readOnly": True})
