"""Slugs the server derives from another field of a row (`derive: slug`)."""

import re
import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.api.scoping import invalid

_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Suffixes up to -999999: one stem per suffix length (a long slug is cut to make room).
_SUFFIX_DIGITS = range(1, 7)


def slugify(value: str, max_length: int) -> str:
    """ASCII-folded lower-case words joined by "-", at most `max_length` characters."""
    decomposed = unicodedata.normalize("NFKD", value)
    folded = decomposed.encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("-", folded.lower()).strip("-")[:max_length].rstrip("-")


def slug_of(value: str | None, max_length: int, field: str) -> str | None:
    """The slug of `value`; no letter or digit in it is a 422 naming `field`."""
    if value is None:
        return None
    slug = slugify(value, max_length)
    if not slug:
        raise invalid(field, "Needs a letter or digit to make a slug of", value)
    return slug


def _stem(base: str, digits: int, max_length: int) -> str:
    """`base` cut to make room for a `-<n>` suffix of `digits` digits, with the -."""
    return base[: max_length - digits - 1].rstrip("-") + "-"


async def unique_slug(
    session: AsyncSession,
    column: InstrumentedAttribute[Any],
    value: str | None,
    max_length: int,
    field: str,
    *where: ColumnElement[bool],
) -> str | None:
    """The slug of `value`, or the first free `-2`, `-3`... among `column`'s values.

    One query reads the values a candidate could collide with (a LIKE per stem;
    slugs hold no wildcards). A row written meanwhile still ends as a 409 from the
    unique constraint.
    """
    base = slug_of(value, max_length, field)
    if base is None:
        return None
    stems = sorted({_stem(base, digits, max_length) for digits in _SUFFIX_DIGITS})
    likes = [column.like(f"{stem}%") for stem in stems]
    statement = select(column).where(or_(column == base, *likes), *where)
    taken = set((await session.execute(statement)).scalars().all())
    n = 1
    candidate = base
    while candidate in taken:
        n += 1
        candidate = _stem(base, len(str(n)), max_length) + str(n)
    return candidate
