from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class CompanyBase(BaseModel):
    """Fields of Company shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=60)


class CompanyCreate(CompanyBase):
    """Body of a request creating a Company."""


class CompanyUpdate(UpdateModel):
    """Partial update of a Company: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=60)


class CompanyRead(BaseModel):
    """A Company as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    name: str
    owner_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
