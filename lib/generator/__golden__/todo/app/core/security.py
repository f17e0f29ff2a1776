"""Password hashing (argon2) and access tokens (JWT, HS256).

Hashing and verification run in a worker thread: argon2 is deliberately slow and would
stall every other request on the event loop.
"""

import datetime as dt
import secrets
from typing import Any

import jwt
from anyio import to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.core.config import settings

ALGORITHM = "HS256"

# The test suite hashes a password per created user: cheap parameters keep it fast.
# Hashes record their parameters, so verification works across both settings.
_hasher = (
    PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if settings.ENVIRONMENT == "test"
    else PasswordHasher()
)


def _signing_key() -> str:
    """SECRET_KEY, required outside development (a public default lets anyone forge)."""
    development = settings.ENVIRONMENT in ("development", "test")
    if settings.SECRET_KEY and (development or len(settings.SECRET_KEY) >= 32):
        return settings.SECRET_KEY
    if development:
        # Random per process: tokens end with the process, and none can be forged.
        return secrets.token_urlsafe(32)
    raise RuntimeError(
        "SECRET_KEY must be set to at least 32 characters outside development, e.g."
        ' `python -c "import secrets; print(secrets.token_urlsafe(32))"`'
        " (or choose ENVIRONMENT=development explicitly)"
    )


SIGNING_KEY = _signing_key()

# Verified when the user does not exist, so unknown and known logins take the same
# time. A fixed hash of nobody's password: hashing one here would cost every start a
# second. Unless the hasher's parameters differ: then one made with them (same cost).
_FIXED_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$bGFXAW+tndbAY6gVV943kw$"
    "ALreVaevC1NJH3/GQApd2hyTxO8Yg9dnsHVY9qthkSw"
)
_DUMMY_HASH = (
    _hasher.hash(secrets.token_urlsafe(16))
    if _hasher.check_needs_rehash(_FIXED_DUMMY_HASH)
    else _FIXED_DUMMY_HASH
)


def hash_password(password: str) -> str:
    """Blocking: for scripts and tests. Request handlers use `hash_password_async`."""
    return _hasher.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    """Blocking: for scripts and tests. Request handlers use `verify_password_async`."""
    try:
        return _hasher.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(hashed: str) -> bool:
    """True when the hash was made with other parameters than the current ones."""
    try:
        return _hasher.check_needs_rehash(hashed)
    except InvalidHashError:
        return True


async def hash_password_async(password: str) -> str:
    return await to_thread.run_sync(hash_password, password)


async def verify_password_async(password: str, hashed: str | None) -> bool:
    """Checks against a dummy hash when `hashed` is None (no such user): same cost."""
    return await to_thread.run_sync(verify_password, password, hashed)


def create_access_token(subject: str, expires_minutes: int | None = None) -> str:
    minutes = expires_minutes or settings.ACCESS_TOKEN_EXPIRE_MINUTES
    expire = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)
    payload: dict[str, Any] = {"sub": subject, "exp": expire}
    return jwt.encode(payload, SIGNING_KEY, algorithm=ALGORITHM)


def decode_access_token(token: str) -> str | None:
    """The token's subject, or None when it is invalid, expired or lacks exp or sub."""
    try:
        payload = jwt.decode(
            token,
            SIGNING_KEY,
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError:
        return None
    subject = payload.get("sub")
    return subject if isinstance(subject, str) else None
