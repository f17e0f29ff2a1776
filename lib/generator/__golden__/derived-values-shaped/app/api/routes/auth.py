"""Registration, login and the current user."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.derived import unique_slug
from app.api.scoping import invalid
from app.core.security import (
    create_access_token,
    hash_password_async,
    password_needs_rehash,
    verify_password_async,
)
from app.models.user import User, normalise_login
from app.schemas.auth import LoginRequest, Token, UserRegister, UserSelfUpdate
from app.schemas.common import check_text
from app.schemas.errors import error_responses
from app.schemas.user import UserRead

router = APIRouter(prefix="/auth", tags=["auth"])


async def _authenticate(session: AsyncSession, login: str, password: str) -> User:
    """The user of these credentials, or 401. Unknown logins cost a hash check too."""
    acceptable = (
        len(login) <= 320
        and len(password) <= 128
        and _storable(login)
        and _storable(password)
    )
    user = None
    if acceptable:
        statement = select(User).where(User.email == normalise_login(login))
        user = (await session.execute(statement)).scalar_one_or_none()
    hashed = user.password if user is not None else None
    valid = await verify_password_async(password if acceptable else "", hashed)
    if user is None or hashed is None or not valid:
        raise HTTPException(
            status_code=401,
            detail="Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if password_needs_rehash(hashed):
        user.password = await hash_password_async(password)
        await session.commit()
    return user


def _storable(text: str) -> bool:
    """Form fields are not validated: text the database cannot compare is no login."""
    try:
        check_text(text)
    except ValueError:
        return False
    return True


@router.post("/register", status_code=201, responses=error_responses(409, 422))
async def register(session: SessionDep, body: UserRegister) -> UserRead:
    """Create an account and answer it (never the password). 409 when the email
    is taken.
    """
    data = body.model_dump(exclude_unset=True)
    data["password"] = await hash_password_async(body.password)
    data["handle"] = await unique_slug(
        session, User.handle, body.display_name, 40, "displayName"
    )
    user = User(**data)
    session.add(user)
    await commit_or_409(session)
    await session.refresh(user)
    return UserRead.model_validate(user)


@router.post("/login", responses=error_responses(401, 422))
async def login(
    session: SessionDep,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    """OAuth2 password flow (Swagger's Authorize): send the email as username.
    Answers a bearer token, 401 for wrong credentials.
    """
    user = await _authenticate(session, form.username, form.password)
    return Token(access_token=create_access_token(str(user.id)))


@router.post("/login/json", responses=error_responses(401, 422))
async def login_json(session: SessionDep, body: LoginRequest) -> Token:
    """Sign in with JSON credentials. Answers a bearer token, 401 for wrong
    credentials.
    """
    user = await _authenticate(session, body.email, body.password)
    return Token(access_token=create_access_token(str(user.id)))


@router.get("/me", responses=error_responses(401))
async def read_me(current_user: CurrentUser) -> UserRead:
    """The signed-in user, with the fields only they may see."""
    return UserRead.model_validate(current_user)


@router.put("/me", responses=error_responses(401, 403, 409, 422))
async def update_me(
    session: SessionDep,
    current_user: CurrentUser,
    body: UserSelfUpdate,
) -> UserRead:
    """Change one's own profile: only the fields sent. A new password needs
    `current_password` (422 without it, 403 when wrong); 409 when the email
    is taken.
    """
    data = body.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if body.password is not None:
        if body.current_password is None:
            raise invalid("currentPassword", "Required to change the password", None)
        if not await verify_password_async(
            body.current_password, current_user.password
        ):
            raise HTTPException(status_code=403, detail="The current password is wrong")
        data["password"] = await hash_password_async(body.password)
    if "display_name" in data and data["display_name"] != current_user.display_name:
        data["handle"] = await unique_slug(
            session,
            User.handle,
            data["display_name"],
            40,
            "displayName",
            User.id != current_user.id,
        )
    for name, value in data.items():
        setattr(current_user, name, value)
    await commit_or_409(session)
    await session.refresh(current_user)
    return UserRead.model_validate(current_user)
