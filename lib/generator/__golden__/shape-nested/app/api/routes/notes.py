from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.api.scoping import OptionalUser
from app.models.article import Article
from app.models.note import Note
from app.models.user import User
from app.schemas.common import Int32, SafeStr
from app.schemas.errors import error_responses
from app.schemas.note import NoteCreateBody, NoteRead, NoteReplaceBody
from app.schemas.responses import NoteList, NoteReadEnvelope

router = APIRouter(prefix="/articles/{article_slug}/notes", tags=["notes"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Note:
    """One Note (relations to embed loaded eagerly), or 404."""
    statement = select(Note).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return row


async def _parent_id(
    session: AsyncSession,
    value: SafeStr,
    current_user: User | None,
    owner: User | None = None,
) -> Int32:
    """The id of the Article the path names, if the caller may read it; else 404."""
    if current_user is None:
        statement = select(Article.id).where(
            Article.slug == value, Article.published.is_(True)
        )
    else:
        statement = select(Article.id).where(
            Article.slug == value,
            or_(Article.published.is_(True), Article.author_id == current_user.id),
        )
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise HTTPException(status_code=404, detail="Article not found")
    if owner is not None:
        mine = select(Article.id).where(
            Article.id == found, Article.author_id == owner.id
        )
        if (await session.execute(mine)).first() is None:
            raise HTTPException(
                status_code=403,
                detail="Only the owner of the Article may do this",
            )
    return found


@router.get("", responses=error_responses(404))
async def list_notes(
    session: SessionDep,
    current_user: OptionalUser,
    article_slug: SafeStr,
    page: Annotated[int, Query(ge=1, le=90071992547409)] = 1,
    size: Annotated[int, Query(alias="pageSize", ge=1, le=100)] = 20,
) -> NoteList:
    """A page (page, pageSize) of the Note rows. Under the Article the path
    names: 404 when there is none.
    """
    visible: ColumnElement[bool] = Note.article.has(Article.published.is_(True))
    if current_user is not None:
        visible = Note.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        )
    statement = select(Note)
    statement = statement.where(
        Note.article_id == await _parent_id(session, article_slug, current_user)
    )
    statement = statement.where(visible)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Note.id)
    statement = statement.limit(size).offset((page - 1) * size)
    rows = (await session.execute(statement)).scalars().all()
    items = [NoteRead.model_validate(row) for row in rows]
    return NoteList(items=items, total=total)


@router.get("/{slug}", responses=error_responses(404))
async def get_note(
    session: SessionDep,
    current_user: OptionalUser,
    article_slug: SafeStr,
    slug: SafeStr,
) -> NoteReadEnvelope:
    """One Note by slug; 404 when there is none. Under the Article the path
    names: 404 when there is none.
    """
    visible: ColumnElement[bool] = Note.article.has(Article.published.is_(True))
    if current_user is not None:
        visible = Note.article.has(
            or_(Article.published.is_(True), Article.author_id == current_user.id)
        )
    row = await _fetch(
        session,
        Note.article_id == await _parent_id(session, article_slug, current_user),
        Note.slug == slug,
        visible,
    )
    return NoteReadEnvelope(note=NoteRead.model_validate(row))


@router.post("", status_code=201, responses=error_responses(401, 403, 404, 409))
async def create_note(
    session: SessionDep,
    current_user: CurrentUser,
    article_slug: SafeStr,
    wrapped: NoteCreateBody,
) -> NoteReadEnvelope:
    """Creates a Note. Under the Article the path names: 404 when there is
    none. Only the owner of the Article may (403 for anyone else).
    """
    body = wrapped.note
    data = body.model_dump(exclude_unset=True)
    data["article_id"] = await _parent_id(
        session, article_slug, current_user, owner=current_user
    )
    row = Note(**data)
    session.add(row)
    await commit_or_409(session)
    return NoteReadEnvelope(
        note=NoteRead.model_validate(await _fetch(session, Note.id == row.id))
    )


@router.put("/{slug}", responses=error_responses(401, 403, 404, 409))
async def update_note(
    session: SessionDep,
    current_user: CurrentUser,
    article_slug: SafeStr,
    slug: SafeStr,
    wrapped: NoteReplaceBody,
) -> NoteReadEnvelope:
    """Replaces a Note by slug with the whole object sent; 404 when there is
    none. Under the Article the path names: 404 when there is none. Only the
    owner of the Article may (403 for anyone else).
    """
    body = wrapped.note
    row = await _fetch(
        session,
        Note.article_id
        == await _parent_id(session, article_slug, current_user, owner=current_user),
        Note.slug == slug,
    )
    data = body.model_dump()
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return NoteReadEnvelope(
        note=NoteRead.model_validate(await _fetch(session, Note.id == row.id))
    )


@router.delete(
    "/{slug}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_note(
    session: SessionDep,
    current_user: CurrentUser,
    article_slug: SafeStr,
    slug: SafeStr,
) -> None:
    """Deletes a Note by slug; 404 when there is none. Under the Article the
    path names: 404 when there is none. Only the owner of the Article may
    (403 for anyone else).
    """
    row = await _fetch(
        session,
        Note.article_id
        == await _parent_id(session, article_slug, current_user, owner=current_user),
        Note.slug == slug,
    )
    await session.delete(row)
    await commit_or_409(session)
