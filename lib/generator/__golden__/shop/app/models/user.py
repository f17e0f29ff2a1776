import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Enum, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.core.db import Base, UTCDateTime, utc_now
from app.enums import Role, enum_values

if TYPE_CHECKING:
    from app.models.order import Order


def normalise_login(value: str) -> str:
    """Logins are unique regardless of case and surrounding spaces."""
    return value.strip().lower()


class User(Base):
    """A person who can sign in."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(
        String(320), nullable=False, unique=True, index=True
    )
    password: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[Role] = mapped_column(
        Enum(Role, name="role", values_callable=enum_values),
        nullable=False,
        default=Role.CUSTOMER,
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    orders: Mapped[list["Order"]] = relationship(
        back_populates="customer", passive_deletes=True, lazy="raise"
    )

    @validates("email")
    def _normalise_login(self, _key: str, value: str) -> str:
        return normalise_login(value)
