"""Which fields a unique constraint over several columns is about, for its 409."""

import re

# Constraint name -> (table, columns, JSON names of the fields).
_UNIQUES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "uq_bookmarks_article_id_user_id": (
        "bookmarks",
        ("article_id", "user_id"),
        ("articleId", "userId"),
    ),
}
_SQLITE_COLUMNS = re.compile(r"UNIQUE constraint failed: ([\w., ]+)")


def conflicting_fields(message: str) -> tuple[str, ...] | None:
    """The fields of a composite unique violation, as PostgreSQL or SQLite words it."""
    found = _SQLITE_COLUMNS.search(message)
    columns = found.group(1).strip() if found else None
    for name, (table, members, fields) in _UNIQUES.items():
        if f'"{name}"' in message or columns == ", ".join(
            f"{table}.{c}" for c in members
        ):
            return fields
    return None


def conflict_message(fields: tuple[str, ...]) -> str:
    """What a 409 says about `fields`."""
    return f"This combination of {', '.join(fields)} is already taken"
