import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field

from app.enums import ItemKind
from app.schemas.common import HttpUrlStr, UpdateModel, UTCDatetime


class InventoryItemBase(BaseModel):
    """Fields of InventoryItem shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    sku: str = Field(
        min_length=3, max_length=20, pattern="^[A-Z0-9-]+$", examples=["ABC-123"]
    )
    kind: ItemKind = ItemKind.IN_PROGRESS
    price: Decimal = Field(default=Decimal("9.5"), ge=0, max_digits=8, decimal_places=3)
    weight: float | None = Field(default=None, ge=0.5, le=1000)
    count: int = Field(default=12, ge=-9223372036854775808, le=9223372036854775807)
    active: bool = True
    since: dt.date = Field(default_factory=dt.date.today)
    last_seen: AwareDatetime | None = dt.datetime.fromisoformat("2024-01-31T12:00:00Z")
    meta: Any = Field(default_factory=lambda: {"tags": ["a"]})
    contact: EmailStr | None = Field(default=None, max_length=320)
    site: HttpUrlStr | None = Field(
        default=None,
        max_length=2048,
        description='Public "product" page \\ with quotes',
    )
    notes: str | None = Field(default=None, max_length=100000)


class InventoryItemCreate(InventoryItemBase):
    """Body of a request creating an InventoryItem."""


class InventoryItemUpdate(UpdateModel):
    """Partial update of an InventoryItem: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"sku", "kind", "price", "count", "active", "since"}
    )

    sku: str | None = Field(
        default=None,
        min_length=3,
        max_length=20,
        pattern="^[A-Z0-9-]+$",
        examples=["ABC-123"],
    )
    kind: ItemKind | None = None
    price: Decimal | None = Field(default=None, ge=0, max_digits=8, decimal_places=3)
    weight: float | None = Field(default=None, ge=0.5, le=1000)
    count: int | None = Field(
        default=None, ge=-9223372036854775808, le=9223372036854775807
    )
    active: bool | None = None
    since: dt.date | None = None
    last_seen: AwareDatetime | None = None
    meta: Any = None
    contact: EmailStr | None = Field(default=None, max_length=320)
    site: HttpUrlStr | None = Field(
        default=None,
        max_length=2048,
        description='Public "product" page \\ with quotes',
    )
    notes: str | None = Field(default=None, max_length=100000)


class InventoryItemRead(BaseModel):
    """Stock kept in a warehouse."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    sku: str
    kind: ItemKind
    price: Decimal
    weight: float | None
    count: int
    active: bool
    since: dt.date
    last_seen: UTCDatetime | None
    token: uuid.UUID
    meta: Any
    contact: str | None
    site: str | None
    notes: str | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
