from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CityBase(BaseModel):
    """Fields of City shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=60)
    population: int | None = Field(
        default=None, ge=-9223372036854775808, le=9223372036854775807
    )


class CityCreate(CityBase):
    """Body of a request creating a City."""


class CityUpdate(UpdateModel):
    """Partial update of a City: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=60)
    population: int | None = Field(
        default=None, ge=-9223372036854775808, le=9223372036854775807
    )


class CityRead(BaseModel):
    """A City as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    population: int | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
