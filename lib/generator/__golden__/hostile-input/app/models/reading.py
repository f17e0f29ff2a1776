import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.member import Member


class Reading(Base):
    __tablename__ = "readings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(60), nullable=False)
    level: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    counter: Mapped[int] = mapped_column(BigInteger, nullable=False, default=0)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    taken_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(),
        nullable=False,
        index=True,
        default=utc_now,
        server_default=func.now(),
    )
    payload: Mapped[Any] = mapped_column(JSON, nullable=True)
    author_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), nullable=False, index=True
    )
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("readings.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    author: Mapped["Member"] = relationship(back_populates="readings", lazy="raise")
    previous: Mapped["Reading | None"] = relationship(
        foreign_keys="[Reading.previous_id]",
        remote_side="[Reading.id]",
        back_populates="next_readings",
        lazy="raise",
    )
    next_readings: Mapped[list["Reading"]] = relationship(
        foreign_keys="[Reading.previous_id]",
        back_populates="previous",
        passive_deletes=True,
        lazy="raise",
    )
