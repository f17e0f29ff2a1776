from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from app.enums import OrderStatus
from app.schemas.common import Int32, UpdateModel, UTCDatetime


class OrderBase(BaseModel):
    """Fields of Order shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")


class OrderCreate(OrderBase):
    """Body of a request creating an Order."""


class OrderUpdate(UpdateModel):
    """Partial update of an Order: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")


class OrderRead(BaseModel):
    """An Order as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    status: OrderStatus
    total: Decimal
    placed_at: UTCDatetime
    customer_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
