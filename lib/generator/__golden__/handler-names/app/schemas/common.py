"""Types shared by the request and response schemas."""

import datetime as dt
import re
from typing import Annotated, ClassVar, Self

from pydantic import AfterValidator, BaseModel, Field, model_validator

_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


def _as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes: they were stored in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _check_http_url(value: str) -> str:
    if not _HTTP_URL.match(value):
        raise ValueError("must be an http(s) URL")
    return value


UTCDatetime = Annotated[dt.datetime, AfterValidator(_as_utc)]
"""A datetime that is always serialised with a time zone."""

HttpUrlStr = Annotated[
    str, AfterValidator(_check_http_url), Field(json_schema_extra={"format": "uri"})
]
"""An http(s) URL kept as a plain string (stored as VARCHAR)."""


class UpdateModel(BaseModel):
    """PATCH bodies: every field is optional; null only where the column allows it."""

    __non_nullable__: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _reject_nulls(self) -> Self:
        for name in sorted(self.__non_nullable__ & self.model_fields_set):
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        return self
