from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class OrderLineBase(BaseModel):
    """Fields of OrderLine shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    quantity: int = Field(default=1, ge=1, le=2147483647)


class OrderLineCreate(OrderLineBase):
    """Body of a request creating an OrderLine."""

    order_id: Int32
    product_id: Int32


class OrderLineUpdate(UpdateModel):
    """Partial update of an OrderLine: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "order_id", "product_id"}
    )

    quantity: int | None = Field(default=None, ge=1, le=2147483647)
    order_id: Int32 | None = None
    product_id: Int32 | None = None


class OrderLineRead(BaseModel):
    """An OrderLine as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    quantity: int
    unit_price: Decimal
    order_id: Int32
    product_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
