"""Row scoping for the routes: references, links, parent cycles, the optional caller."""

from typing import Annotated

from fastapi import Depends
from fastapi.exceptions import RequestValidationError
from fastapi.security import OAuth2PasswordBearer

from app.api.deps import SessionDep, get_current_user
from app.models.user import User


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


optional_token = OAuth2PasswordBearer(tokenUrl="/auth/login", auto_error=False)


async def viewer_user(
    session: SessionDep,
    token: Annotated[str | None, Depends(optional_token)],
) -> User | None:
    """The viewer: None without a token, 401 for an invalid or expired one."""
    if not token:
        return None
    return await get_current_user(session, token)


ViewerUser = Annotated[User | None, Depends(viewer_user)]
