from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.author import Author
from app.schemas.author import AuthorCreateBody, AuthorRead, AuthorUpdateBody
from app.schemas.common import SafeStr
from app.schemas.errors import error_responses
from app.schemas.responses import AuthorList, AuthorReadEnvelope

router = APIRouter(prefix="/authors", tags=["authors"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Author:
    """One Author (relations to embed loaded eagerly), or 404."""
    statement = select(Author).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Author not found")
    return row


@router.get("")
async def list_authors(
    session: SessionDep,
    page: Annotated[int, Query(ge=1, le=90071992547409)] = 1,
    size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> AuthorList:
    """A page (page, pageSize) of the Author rows."""
    statement = select(Author)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Author.id)
    statement = statement.limit(size).offset((page - 1) * size)
    rows = (await session.execute(statement)).scalars().all()
    items = [AuthorRead.model_validate(row) for row in rows]
    return AuthorList(items=items, total=total)


@router.get("/{username}", responses=error_responses(404))
async def get_author(
    session: SessionDep,
    username: SafeStr,
) -> AuthorReadEnvelope:
    """One Author by username; 404 when there is none."""
    row = await _fetch(session, Author.username == username)
    return AuthorReadEnvelope(author=AuthorRead.model_validate(row))


@router.post("", status_code=201, responses=error_responses(409))
async def create_author(
    session: SessionDep,
    wrapped: AuthorCreateBody,
) -> AuthorReadEnvelope:
    """Creates an Author."""
    body = wrapped.author
    data = body.model_dump(exclude_unset=True)
    row = Author(**data)
    session.add(row)
    await commit_or_409(session)
    return AuthorReadEnvelope(
        author=AuthorRead.model_validate(await _fetch(session, Author.id == row.id))
    )


@router.patch("/{username}", responses=error_responses(404, 409))
async def update_author(
    session: SessionDep,
    username: SafeStr,
    wrapped: AuthorUpdateBody,
) -> AuthorReadEnvelope:
    """Changes the fields sent of an Author by username; 404 when there is
    none.
    """
    body = wrapped.author
    row = await _fetch(session, Author.username == username)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return AuthorReadEnvelope(
        author=AuthorRead.model_validate(await _fetch(session, Author.id == row.id))
    )


@router.delete("/{username}", status_code=204, responses=error_responses(404, 409))
async def delete_author(
    session: SessionDep,
    username: SafeStr,
) -> None:
    """Deletes an Author by username; 404 when there is none."""
    row = await _fetch(session, Author.username == username)
    await session.delete(row)
    await commit_or_409(session)
