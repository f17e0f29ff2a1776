import datetime as dt
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Enum, ForeignKey, String, Uuid, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base
from app.enums import TicketState, enum_values

if TYPE_CHECKING:
    from app.models.account import Account


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(String(120), nullable=False)
    pin: Mapped[str | None] = mapped_column(String(255), nullable=True)
    secret: Mapped[str | None] = mapped_column(String(255), nullable=True)
    state: Mapped[TicketState] = mapped_column(
        Enum(TicketState, name="ticket_state", values_callable=enum_values),
        nullable=False,
        default=TicketState.OPEN,
    )
    reporter_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    reporter: Mapped["Account"] = relationship(back_populates="tickets")
