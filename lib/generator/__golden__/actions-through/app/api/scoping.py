"""Row scoping for the routes: references, links, parent cycles, the optional caller."""

from fastapi.exceptions import RequestValidationError


def invalid(field: str, message: str, value: object) -> RequestValidationError:
    """A 422 in FastAPI's own shape, naming the body field."""
    return RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ("body", field),
                "msg": message,
                "input": value,
            }
        ]
    )
