"""Error response bodies, as documented in OpenAPI."""

from pydantic import BaseModel


class ErrorMessage(BaseModel):
    """An error response: {"detail": "<message>"} (422 keeps FastAPI's list)."""

    detail: str
