"""Error response bodies, as documented in OpenAPI."""

from typing import Any

from pydantic import BaseModel

_DESCRIPTIONS = {
    401: "Missing, invalid or expired bearer token",
    403: "Signed in with a role that may not do this",
    404: "Not found (or not yours)",
    409: "Conflicts with existing data",
    422: "Validation Error",
    501: "Not implemented yet",
}


class ProblemItem(BaseModel):
    """One validation error: where (`loc`, by API name), what and its kind."""

    type: str
    loc: list[str | int]
    msg: str


class Problem(BaseModel):
    """RFC 9457 problem details; `errors` lists validation failures."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ProblemItem] | None = None


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each error status with its body schema."""
    return {
        status: {"model": Problem, "description": _DESCRIPTIONS[status]}
        for status in statuses
    }
