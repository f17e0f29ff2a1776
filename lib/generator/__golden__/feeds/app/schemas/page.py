from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class PageBase(BaseModel):
    """Fields of Page shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    headline: str = Field(max_length=120)


class PageCreate(PageBase):
    """Body of a request creating a Page."""

    company_id: Int32


class PageUpdate(UpdateModel):
    """Partial update of a Page: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"headline", "company_id"})

    headline: str | None = Field(default=None, max_length=120)
    company_id: Int32 | None = None


class PageRead(BaseModel):
    """A Page as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    headline: str
    company_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
