from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class OrderLineBase(BaseModel):
    """Fields of OrderLine shared by create bodies and reads."""

    quantity: int = Field(default=1, ge=1, le=2147483647)
    unit_price: Decimal = Field(ge=0, max_digits=10, decimal_places=2)


class OrderLineCreate(OrderLineBase):
    """Body of a request creating a OrderLine."""

    order_id: Int32
    product_id: Int32


class OrderLineUpdate(UpdateModel):
    """Partial update of a OrderLine: only the fields sent are changed."""

    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "unit_price", "order_id", "product_id"}
    )

    quantity: int | None = Field(default=None, ge=1, le=2147483647)
    unit_price: Decimal | None = Field(
        default=None, ge=0, max_digits=10, decimal_places=2
    )
    order_id: Int32 | None = None
    product_id: Int32 | None = None


class OrderLineRead(BaseModel):
    """A OrderLine as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    quantity: int
    unit_price: Decimal
    order_id: Int32
    product_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
