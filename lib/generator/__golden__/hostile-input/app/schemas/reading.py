import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ReadingBase(BaseModel):
    """Fields of Reading shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(max_length=60)
    level: int = Field(ge=-10, le=2147483647)
    counter: int = Field(default=0, ge=-9223372036854775808, le=9223372036854775807)
    value: float | None = None
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    notes: str | None = Field(default=None, max_length=100000)
    taken_at: AwareDatetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    payload: Any = None


class ReadingCreate(ReadingBase):
    """Body of a request creating a Reading."""

    previous_id: Int32 | None = None


class ReadingUpdate(UpdateModel):
    """Partial update of a Reading: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {"label", "level", "counter", "taken_at"}
    )

    label: str | None = Field(default=None, max_length=60)
    level: int | None = Field(default=None, ge=-10, le=2147483647)
    counter: int | None = Field(
        default=None, ge=-9223372036854775808, le=9223372036854775807
    )
    value: float | None = None
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    notes: str | None = Field(default=None, max_length=100000)
    taken_at: AwareDatetime | None = None
    payload: Any = None
    previous_id: Int32 | None = None


class ReadingRead(BaseModel):
    """A Reading as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    label: str
    level: int
    counter: int
    value: float | None
    amount: Decimal | None
    notes: str | None
    taken_at: UTCDatetime
    payload: Any
    author_id: Int32
    previous_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
