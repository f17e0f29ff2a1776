from decimal import Decimal
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ProductBase(BaseModel):
    """Fields of Product shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    slug: str = Field(max_length=200, pattern="^[a-z0-9-]+$")
    description: str | None = Field(default=None, max_length=100000)
    price: Decimal = Field(ge=0, max_digits=10, decimal_places=2)
    stock: int = Field(default=0, ge=0, le=2147483647)
    active: bool = True


class ProductCreate(ProductBase):
    """Body of a request creating a Product."""


class ProductUpdate(UpdateModel):
    """Partial update of a Product: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"name", "slug", "price", "stock", "active"}
    )

    name: str | None = Field(default=None, min_length=1, max_length=200)
    slug: str | None = Field(default=None, max_length=200, pattern="^[a-z0-9-]+$")
    description: str | None = Field(default=None, max_length=100000)
    price: Decimal | None = Field(default=None, ge=0, max_digits=10, decimal_places=2)
    stock: int | None = Field(default=None, ge=0, le=2147483647)
    active: bool | None = None


class ProductRead(BaseModel):
    """A Product as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    slug: str
    description: str | None
    price: Decimal
    stock: int
    active: bool
    created_at: UTCDatetime
    updated_at: UTCDatetime
