"""Registration, login and the current user."""

from fastapi import APIRouter, HTTPException
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import with_expression

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import invalid
from app.core.security import (
    create_access_token,
    hash_password_async,
    password_needs_rehash,
    verify_password_async,
)
from app.models.computed import user_following
from app.models.user import User, normalise_login
from app.schemas.auth import (
    LoginRequestEnvelope,
    UserRegisterEnvelope,
    UserSelfUpdateEnvelope,
    UserWithToken,
    UserWithTokenEnvelope,
)
from app.schemas.common import check_text
from app.schemas.errors import error_responses
from app.schemas.user import UserRead

router = APIRouter(tags=["auth"])


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
            headers={"WWW-Authenticate": "Token"},
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


def _answer(user: User) -> UserWithTokenEnvelope:
    """The user as answered by register, login and me: with a fresh access token."""
    return UserWithTokenEnvelope.model_validate(
        {
            "user": UserWithToken(
                **dict(UserRead.model_validate(user)),
                token=create_access_token(str(user.id)),
            )
        }
    )


@router.post("/users", status_code=201, responses=error_responses(409, 422))
async def register(
    session: SessionDep, body: UserRegisterEnvelope
) -> UserWithTokenEnvelope:
    """Create an account and answer it with a token (never the password). 409
    when the email is taken.
    """
    credentials = body.user
    data = credentials.model_dump(exclude_unset=True)
    data["password"] = await hash_password_async(credentials.password)
    user = User(**data)
    session.add(user)
    await commit_or_409(session)
    await session.refresh(user)
    return _answer(user)


@router.post("/users/login", responses=error_responses(401, 422))
async def login_json(
    session: SessionDep, body: LoginRequestEnvelope
) -> UserWithTokenEnvelope:
    """Sign in with JSON credentials. Answers the user with a token, 401 for
    wrong credentials.
    """
    credentials = body.user
    user = await _authenticate(session, credentials.email, credentials.password)
    return _answer(user)


async def _for_viewer(session: AsyncSession, user: User) -> User:
    """The user reloaded with the fields that depend on the caller."""
    statement = (
        select(User)
        .where(User.id == user.id)
        .options(with_expression(User.following, user_following(user)))
        .execution_options(populate_existing=True)
    )
    return (await session.execute(statement)).scalar_one()


@router.get("/user", responses=error_responses(401))
async def read_me(
    session: SessionDep, current_user: CurrentUser
) -> UserWithTokenEnvelope:
    """The signed-in user, with the fields only they may see."""
    current_user = await _for_viewer(session, current_user)
    return _answer(current_user)


@router.put("/user", responses=error_responses(401, 403, 409, 422))
async def update_me(
    session: SessionDep,
    current_user: CurrentUser,
    body: UserSelfUpdateEnvelope,
) -> UserWithTokenEnvelope:
    """Change one's own profile: only the fields sent. A new password needs
    `current_password` (422 without it, 403 when wrong); 409 when the email
    is taken.
    """
    changes = body.user
    data = changes.model_dump(exclude_unset=True)
    data.pop("current_password", None)
    if changes.password is not None:
        if changes.current_password is None:
            raise invalid("currentPassword", "Required to change the password", None)
        if not await verify_password_async(
            changes.current_password, current_user.password
        ):
            raise HTTPException(status_code=403, detail="The current password is wrong")
        data["password"] = await hash_password_async(changes.password)
    for name, value in data.items():
        setattr(current_user, name, value)
    await commit_or_409(session)
    await session.refresh(current_user)
    current_user = await _for_viewer(session, current_user)
    return _answer(current_user)
