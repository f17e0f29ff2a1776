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
    visible: Mapped[int] = mapped_column(Integer, nullable=False)
    data: Mapped[bool] = mapped_column(Boolean, nullable=False)
    value: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    setattr: Mapped[str] = mapped_column(String(255), nullable=False)
    session: Mapped[int] = mapped_column(Integer, nullable=False)
    body: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    sort: Mapped[dt.date] = mapped_column(Date, nullable=False)
    request: Mapped[str] = mapped_column(String(255), nullable=False)
    response: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[bool] = mapped_column(Boolean, nullable=False)
    func: Mapped[dt.date] = mapped_column(Date, nullable=False)
    selectinload: Mapped[str | None] = mapped_column(String(255), nullable=True)
    aliased: Mapped[int] = mapped_column(Integer, nullable=False)
    hash_password: Mapped[bool] = mapped_column(Boolean, nullable=False)
    commit_or_409: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    require_roles: Mapped[str] = mapped_column(String(255), nullable=False)
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
