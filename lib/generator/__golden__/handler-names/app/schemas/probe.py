import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import UpdateModel, UTCDatetime


class ProbeBase(BaseModel):
    """Fields of Probe shared by create bodies and reads."""

    statement: str = Field(max_length=255)
    count_statement: int
    total: bool | None = None
    key: dt.date
    related: str = Field(max_length=255)
    direction: int | None = None
    rows: bool
    row: str = Field(max_length=255)
    items: str | None = Field(default=None, max_length=255)
    data: int
    value: bool
    setattr: dt.date | None = None
    session: str = Field(max_length=255)
    body: int
    sort: bool | None = None
    request: dt.date
    response: str = Field(max_length=255)
    status: int | None = None
    func: bool
    selectinload: dt.date
    aliased: str | None = Field(default=None, max_length=255)
    hash_password: int
    commit_or_409: bool
    require_roles: dt.date | None = None


class ProbeCreate(ProbeBase):
    """Body of a request creating a Probe."""

    count_id: int | None = None


class ProbeUpdate(UpdateModel):
    """Partial update of a Probe: only the fields sent are changed."""

    __non_nullable__: ClassVar[frozenset[str]] = frozenset(
        {
            "statement",
            "count_statement",
            "key",
            "related",
            "rows",
            "row",
            "data",
            "value",
            "session",
            "body",
            "request",
            "response",
            "func",
            "selectinload",
            "hash_password",
            "commit_or_409",
        }
    )

    statement: str | None = Field(default=None, max_length=255)
    count_statement: int | None = None
    total: bool | None = None
    key: dt.date | None = None
    related: str | None = Field(default=None, max_length=255)
    direction: int | None = None
    rows: bool | None = None
    row: str | None = Field(default=None, max_length=255)
    items: str | None = Field(default=None, max_length=255)
    data: int | None = None
    value: bool | None = None
    setattr: dt.date | None = None
    session: str | None = Field(default=None, max_length=255)
    body: int | None = None
    sort: bool | None = None
    request: dt.date | None = None
    response: str | None = Field(default=None, max_length=255)
    status: int | None = None
    func: bool | None = None
    selectinload: dt.date | None = None
    aliased: str | None = Field(default=None, max_length=255)
    hash_password: int | None = None
    commit_or_409: bool | None = None
    require_roles: dt.date | None = None
    count_id: int | None = None


class ProbeRead(BaseModel):
    """Fields named like the handlers' own names."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    statement: str
    count_statement: int
    total: bool | None
    key: dt.date
    related: str
    direction: int | None
    rows: bool
    row: str
    items: str | None
    data: int
    value: bool
    setattr: dt.date | None
    session: str
    body: int
    sort: bool | None
    request: dt.date
    response: str
    status: int | None
    func: bool
    selectinload: dt.date
    aliased: str | None
    hash_password: int
    commit_or_409: bool
    require_roles: dt.date | None
    count_id: int | None
    created_at: UTCDatetime
    updated_at: UTCDatetime
