"""Types shared by the request and response schemas.

Path and query parameters use the checked types (SafeStr, Int32, Int64); JSON bodies
are vetted for NUL, lone surrogates and non-finite numbers by app.core.middleware, and
integer fields carry their column's bounds.
"""

import datetime as dt
import re
from typing import Annotated, ClassVar, Self

from annotated_types import Interval
from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# JSON bodies nest at most this deep (storing and echoing them stays bounded).
JSON_MAX_DEPTH = 64


def check_text(value: str) -> str:
    """PostgreSQL refuses NUL in text; UTF-8 cannot encode lone surrogates."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (no lone surrogates)") from None
    return value


def _as_utc(value: dt.datetime) -> dt.datetime:
    """Naive values were stored in UTC."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _iso_utc(value: dt.datetime) -> str:
    """ISO 8601 in UTC, always with microseconds: the same text on every database."""
    return _as_utc(value).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _check_http_url(value: str) -> str:
    if not _HTTP_URL.match(value):
        raise ValueError("must be an http(s) URL")
    return value


SafeStr = Annotated[str, AfterValidator(check_text)]
"""A string the database can store: no NUL, no lone surrogates."""

Int32 = Annotated[int, Interval(ge=INT32_MIN, le=INT32_MAX)]
"""An INTEGER column's value (ids too)."""

Int64 = Annotated[int, Interval(ge=INT64_MIN, le=INT64_MAX)]
"""A BIGINT column's value."""

UTCDatetime = Annotated[
    dt.datetime,
    AfterValidator(_as_utc),
    PlainSerializer(_iso_utc, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]
"""A datetime that is always serialised in UTC, with microseconds and the zone."""

HttpUrlStr = Annotated[
    str,
    AfterValidator(_check_http_url),
    Field(json_schema_extra={"format": "uri"}),
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
