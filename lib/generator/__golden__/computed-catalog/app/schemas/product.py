from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ProductBase(BaseModel):
    """Fields of Product shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=80)
    price: Decimal = Field(max_digits=10, decimal_places=2)
    stocked: bool = True


class ProductCreate(ProductBase):
    """Body of a request creating a Product."""

    category_id: Int32


class ProductUpdate(UpdateModel):
    """Partial update of a Product: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"name", "price", "stocked", "category_id"}
    )

    name: str | None = Field(default=None, max_length=80)
    price: Decimal | None = Field(default=None, max_digits=10, decimal_places=2)
    stocked: bool | None = None
    category_id: Int32 | None = None


class ProductRead(BaseModel):
    """A Product as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    price: Decimal
    stocked: bool
    category_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
