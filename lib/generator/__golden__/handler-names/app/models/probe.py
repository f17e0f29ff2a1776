import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy import func as func_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.tally import Tally


class Probe(Base):
    """Fields named like the handlers' own names."""

    __tablename__ = "probes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    count_statement: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    total: Mapped[bool | None] = mapped_column(Boolean, nullable=True, index=True)
    key: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    related: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    direction: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    rows: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    row: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    items: Mapped[str | None] = mapped_column(String(255), nullable=True, index=True)
    visible: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    data: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    value: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    setattr: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    session: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    body: Mapped[bool | None] = mapped_column(Boolean, nullable=True, index=True)
    sort: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    request: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    response: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    status: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    func: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    selectinload: Mapped[str | None] = mapped_column(
        String(255), nullable=True, index=True
    )
    aliased: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    hash_password: Mapped[bool] = mapped_column(Boolean, nullable=False, index=True)
    commit_or_409: Mapped[dt.date | None] = mapped_column(
        Date, nullable=True, index=True
    )
    require_roles: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    count_id: Mapped[int | None] = mapped_column(
        ForeignKey("tallies.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func_.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func_.now(), onupdate=utc_now
    )

    count: Mapped["Tally | None"] = relationship(back_populates="probes", lazy="raise")
