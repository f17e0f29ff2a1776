"""Error response bodies, as documented in OpenAPI."""

from typing import Any

from pydantic import BaseModel

_DESCRIPTIONS = {
    401: "Missing, invalid or expired bearer token",
    403: "Signed in with a role that may not do this",
    404: "Not found (or not yours)",
    409: "Conflicts with existing data",
    501: "Not implemented yet",
}


class ErrorMessage(BaseModel):
    """An error response: {"detail": "<message>"} (422 keeps FastAPI's list)."""

    detail: str


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each error status with its body schema."""
    return {
        status: {"model": ErrorMessage, "description": _DESCRIPTIONS[status]}
        for status in statuses
    }
