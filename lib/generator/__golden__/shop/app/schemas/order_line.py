from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import UpdateModel, UTCDatetime


class OrderLineBase(BaseModel):
    """Fields of OrderLine shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    quantity: int = Field(default=1, ge=1)


class OrderLineCreate(OrderLineBase):
    """Body of a request creating a OrderLine."""

    order_id: int
    product_id: int


class OrderLineUpdate(UpdateModel):
    """Partial update of a OrderLine: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "order_id", "product_id"}
    )

    quantity: int | None = Field(default=None, ge=1)
    order_id: int | None = None
    product_id: int | None = None


class OrderLineRead(BaseModel):
    """A OrderLine as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    quantity: int
    unit_price: Decimal
    order_id: int
    product_id: int
    created_at: UTCDatetime
    updated_at: UTCDatetime
