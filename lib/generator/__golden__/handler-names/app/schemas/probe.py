import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import Int32, UpdateModel, UTCDatetime


class ProbeBase(BaseModel):
    """Fields of Probe shared by create bodies and reads."""

    model_config = ConfigDict(extra="forbid")

    statement: str = Field(max_length=255)
    count_statement: int = Field(ge=-2147483648, le=2147483647)
    total: bool | None = None
    key: dt.date
    related: str = Field(max_length=255)
    direction: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    rows: bool
    row: str = Field(max_length=255)
    items: str | None = Field(default=None, max_length=255)
    visible: int = Field(ge=-2147483648, le=2147483647)
    data: bool
    value: dt.date | None = None
    setattr: str = Field(max_length=255)
    session: int = Field(ge=-2147483648, le=2147483647)
    body: bool | None = None
    sort: dt.date
    request: str = Field(max_length=255)
    response: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    status: bool
    func: dt.date
    selectinload: str | None = Field(default=None, max_length=255)
    aliased: int = Field(ge=-2147483648, le=2147483647)
    hash_password: bool
    commit_or_409: dt.date | None = None
    require_roles: str = Field(max_length=255)


class ProbeCreate(ProbeBase):
    """Body of a request creating a Probe."""

    count_id: Int32 | None = None


class ProbeUpdate(UpdateModel):
    """Partial update of a Probe: only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {
            "statement",
            "count_statement",
            "key",
            "related",
            "rows",
            "row",
            "visible",
            "data",
            "setattr",
            "session",
            "sort",
            "request",
            "status",
            "func",
            "aliased",
            "hash_password",
            "require_roles",
        }
    )

    statement: str | None = Field(default=None, max_length=255)
    count_statement: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    total: bool | None = None
    key: dt.date | None = None
    related: str | None = Field(default=None, max_length=255)
    direction: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    rows: bool | None = None
    row: str | None = Field(default=None, max_length=255)
    items: str | None = Field(default=None, max_length=255)
    visible: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    data: bool | None = None
    value: dt.date | None = None
    setattr: str | None = Field(default=None, max_length=255)
    session: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    body: bool | None = None
    sort: dt.date | None = None
    request: str | None = Field(default=None, max_length=255)
    response: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    status: bool | None = None
    func: dt.date | None = None
    selectinload: str | None = Field(default=None, max_length=255)
    aliased: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    hash_password: bool | None = None
    commit_or_409: dt.date | None = None
    require_roles: str | None = Field(default=None, max_length=255)
    count_id: Int32 | None = None


class ProbeRead(BaseModel):
    """Fields named like the handlers' own names."""

    model_config = ConfigDict(from_attributes=True)

    id: Int32
    statement: str
    count_statement: int
    total: bool | None
    key: dt.date
    related: str
    direction: int | None
    rows: bool
    row: str
    items: str | None
    visible: int
    data: bool
    value: dt.date | None
    setattr: str
    session: int
    body: bool | None
    sort: dt.date
    request: str
    response: int | None
    status: bool
    func: dt.date
    selectinload: str | None
    aliased: int
    hash_password: bool
    commit_or_409: dt.date | None
    require_roles: str
    count_id: Int32 | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
