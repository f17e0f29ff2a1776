import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String
from sqlalchemy import func as func_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base

if TYPE_CHECKING:
    from app.models.tally import Tally


class Probe(Base):
    """Fields named like the handlers' own names."""

    __tablename__ = "probes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement: Mapped[str] = mapped_column(String(255), nullable=False)
    count_statement: Mapped[int] = mapped_column(Integer, nullable=False)
    total: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    key: Mapped[dt.date] = mapped_column(Date, nullable=False)
    related: Mapped[str] = mapped_column(String(255), nullable=False)
    direction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rows: Mapped[bool] = mapped_column(Boolean, nullable=False)
    row: Mapped[str] = mapped_column(String(255), nullable=False, unique=True)
    items: Mapped[str | None] = mapped_column(String(255), nullable=True)
    data: Mapped[int] = mapped_column(Integer, nullable=False)
    value: Mapped[bool] = mapped_column(Boolean, nullable=False)
    setattr: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    session: Mapped[str] = mapped_column(String(255), nullable=False)
    body: Mapped[int] = mapped_column(Integer, nullable=False)
    sort: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    request: Mapped[dt.date] = mapped_column(Date, nullable=False)
    response: Mapped[str] = mapped_column(String(255), nullable=False)
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    func: Mapped[bool] = mapped_column(Boolean, nullable=False)
    selectinload: Mapped[dt.date] = mapped_column(Date, nullable=False)
    aliased: Mapped[str | None] = mapped_column(String(255), nullable=True)
    hash_password: Mapped[int] = mapped_column(Integer, nullable=False)
    commit_or_409: Mapped[bool] = mapped_column(Boolean, nullable=False)
    require_roles: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    count_id: Mapped[int | None] = mapped_column(
        ForeignKey("tallies.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func_.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func_.now(), onupdate=func_.now()
    )

    count: Mapped["Tally | None"] = relationship(back_populates="probes")
