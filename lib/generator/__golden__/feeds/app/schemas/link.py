from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import HttpUrlStr, Int32, UpdateModel, UTCDatetime


class LinkBase(BaseModel):
    """Fields of Link shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    url: HttpUrlStr = Field(max_length=2048)


class LinkCreate(LinkBase):
    """Body of a request creating a Link."""


class LinkUpdate(UpdateModel):
    """Partial update of a Link: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset({"url"})

    url: HttpUrlStr | None = Field(default=None, max_length=2048)


class LinkRead(BaseModel):
    """A Link as returned by the API."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    url: str
    page_id: Int32
    created_at: UTCDatetime
    updated_at: UTCDatetime
