"""Registration, login and the current user."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.core.security import create_access_token, hash_password, verify_password
from app.models.account import Account
from app.schemas.account import AccountRead
from app.schemas.auth import AccountRegister, LoginRequest, Token

router = APIRouter(prefix="/auth", tags=["auth"])


async def _authenticate(session: AsyncSession, login: str, password: str) -> Account:
    statement = select(Account).where(Account.email == login)
    user = (await session.execute(statement)).scalar_one_or_none()
    hashed = user.password if user is not None else None
    if user is None or not hashed or not verify_password(password, hashed):
        raise HTTPException(
            status_code=401,
            detail="Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


@router.post("/register", status_code=201)
async def register(session: SessionDep, body: AccountRegister) -> AccountRead:
    data = body.model_dump(exclude_unset=True)
    data["password"] = hash_password(body.password)
    user = Account(**data)
    session.add(user)
    await commit_or_409(session)
    await session.refresh(user)
    return AccountRead.model_validate(user)


@router.post("/login")
async def login(
    session: SessionDep,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    """OAuth2 password flow: send the email as username."""
    user = await _authenticate(session, form.username, form.password)
    return Token(access_token=create_access_token(str(user.id)))


@router.post("/login/json")
async def login_json(session: SessionDep, body: LoginRequest) -> Token:
    user = await _authenticate(session, body.email, body.password)
    return Token(access_token=create_access_token(str(user.id)))


@router.get("/me")
async def read_me(current_user: CurrentUser) -> AccountRead:
    return AccountRead.model_validate(current_user)
