"""Registration, login and the current user."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import with_expression

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.core.security import (
    create_access_token,
    hash_password_async,
    password_needs_rehash,
    verify_password_async,
)
from app.models.computed import user_followed
from app.models.user import User, normalise_login
from app.schemas.auth import LoginRequest, Token, UserRegister
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
        await session.refresh(user)
    return user


def _storable(text: str) -> bool:
    """Form fields are not validated: text the database cannot compare is no login."""
    try:
        check_text(text)
    except ValueError:
        return False
    return True


@router.post("/register", status_code=201, responses=error_responses(409))
async def register(session: SessionDep, body: UserRegister) -> UserRead:
    """Create an account and answer it (never the password). 409 when the email
    is taken.
    """
    data = body.model_dump(exclude_unset=True)
    data["password"] = await hash_password_async(body.password)
    user = User(**data)
    session.add(user)
    await commit_or_409(session)
    await session.refresh(user)
    return UserRead.model_validate(user)


@router.post("/login", responses=error_responses(401))
async def login(
    session: SessionDep,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    """OAuth2 password flow (Swagger's Authorize): send the email as username.
    Answers a bearer token, 401 for wrong credentials.
    """
    user = await _authenticate(session, form.username, form.password)
    return Token(access_token=create_access_token(str(user.id)))


@router.post("/login/json", responses=error_responses(401))
async def login_json(session: SessionDep, body: LoginRequest) -> Token:
    """Sign in with JSON credentials. Answers a bearer token, 401 for wrong
    credentials.
    """
    user = await _authenticate(session, body.email, body.password)
    return Token(access_token=create_access_token(str(user.id)))


async def _for_viewer(session: AsyncSession, user: User) -> User:
    """The user reloaded with the fields that depend on the caller."""
    statement = (
        select(User)
        .where(User.id == user.id)
        .options(with_expression(User.followed, user_followed(user)))
        .execution_options(populate_existing=True)
    )
    return (await session.execute(statement)).scalar_one()


@router.get("/me", responses=error_responses(401))
async def read_me(session: SessionDep, current_user: CurrentUser) -> UserRead:
    """The signed-in user, with the fields only they may see."""
    current_user = await _for_viewer(session, current_user)
    return UserRead.model_validate(current_user)
