from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class OrderBase(BaseModel):
    """Fields of Order shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    item: str = Field(min_length=1, max_length=80)
    quantity: int = Field(ge=1, le=1000)


class OrderCreate(OrderBase):
    """Body of a request creating an Order."""

    courier_id: Int32 | None = None


class OrderUpdate(UpdateModel):
    """Partial update of an Order: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"item", "quantity"})

    item: str | None = Field(default=None, min_length=1, max_length=80)
    quantity: int | None = Field(default=None, ge=1, le=1000)
    courier_id: Int32 | None = None


class OrderRead(BaseModel):
    """An Order as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    item: str
    quantity: int
    owner_id: Int32
    courier_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
