import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Numeric,
    String,
    Text,
    Uuid,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base
from app.enums import ItemKind, enum_values


class InventoryItem(Base):
    """Stock kept in a warehouse."""

    __tablename__ = "inventory_items"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    sku: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    kind: Mapped[ItemKind] = mapped_column(
        Enum(ItemKind, name="item_kind", values_callable=enum_values),
        nullable=False,
        index=True,
        default=ItemKind.IN_PROGRESS,
    )
    price: Mapped[Decimal] = mapped_column(
        Numeric(8, 3), nullable=False, index=True, default=Decimal("9.5")
    )
    weight: Mapped[float | None] = mapped_column(Float, nullable=True)
    count: Mapped[int] = mapped_column(BigInteger, nullable=False, default=12)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    since: Mapped[dt.date] = mapped_column(
        Date, nullable=False, server_default=func.current_date()
    )
    last_seen: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True),
        nullable=True,
        index=True,
        default=dt.datetime.fromisoformat("2024-01-31T12:00:00Z"),
    )
    token: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, default=uuid.uuid4)
    meta: Mapped[Any] = mapped_column(
        JSON, nullable=True, default=lambda: {"tags": ["a"]}
    )
    contact: Mapped[str | None] = mapped_column(String(320), nullable=True)
    site: Mapped[str | None] = mapped_column(
        String(2048), nullable=True, comment='Public "product" page \\ with quotes'
    )
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
