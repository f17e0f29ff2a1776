"""Your hooks on the Category endpoints."""

# The generated handlers call each hook defined here (delete one and it is no
# longer called). Raise HTTPException to refuse the request.
# fastdraft-id: entity-8d7b6d14463a9b98 (follows renames)

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.category import Category


async def before_create(
    session: AsyncSession,
    row: Category,
) -> None:
    """Before a new row is stored: set or check fields of `row`."""
    row.name = row.name.strip()


async def after_create(
    session: AsyncSession,
    row: Category,
) -> None:
    """After a new row is committed."""


async def before_update(
    session: AsyncSession,
    row: Category,
) -> None:
    """Before changes to a row are committed: `row` holds the new values."""
    row.name = row.name.strip()


async def after_update(
    session: AsyncSession,
    row: Category,
) -> None:
    """After changes to a row are committed."""


async def before_delete(
    session: AsyncSession,
    row: Category,
) -> None:
    """Before a row is deleted."""


async def after_delete(
    session: AsyncSession,
    row: Category,
) -> None:
    """After a row is deleted (`row` is detached from the session)."""
