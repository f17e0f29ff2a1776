from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import CurrentUser, SessionDep, commit_or_409
from app.models.company import Company
from app.models.link import Link
from app.models.page import Page
from app.models.user import User
from app.schemas.common import Int32, Int64, SafeStr
from app.schemas.errors import error_responses
from app.schemas.link import LinkCreate, LinkRead, LinkUpdate
from app.schemas.responses import LinkList

router = APIRouter(prefix="/pages/{name}/links", tags=["links"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Link:
    """One Link (relations to embed loaded eagerly), or 404."""
    statement = select(Link).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Link not found")
    return row


async def _parent_id(
    session: AsyncSession,
    value: SafeStr,
    owner: User | None = None,
) -> Int32:
    """The id of the Page the path names, if the caller may read it; else 404."""
    statement = select(Page.id).where(Page.company.has(Company.name == value))
    found = (await session.execute(statement)).scalar_one_or_none()
    if found is None:
        raise HTTPException(status_code=404, detail="Page not found")
    if owner is not None:
        mine = select(Page.id).where(
            Page.id == found, Page.company.has(Company.owner_id == owner.id)
        )
        if (await session.execute(mine)).first() is None:
            raise HTTPException(
                status_code=403,
                detail="Only the owner of the Page may do this",
            )
    return found


@router.get("", responses=error_responses(404))
async def list_links(
    session: SessionDep,
    name: SafeStr,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> LinkList:
    """A page (limit, offset) of the Link rows. Under the Page the path names:
    404 when there is none.
    """
    statement = select(Link)
    statement = statement.where(Link.page_id == await _parent_id(session, name))
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Link.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [LinkRead.model_validate(row) for row in rows]
    return LinkList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{link_id}", responses=error_responses(404))
async def get_link(
    session: SessionDep,
    name: SafeStr,
    link_id: Int32,
) -> LinkRead:
    """One Link by id; 404 when there is none. Under the Page the path names:
    404 when there is none.
    """
    row = await _fetch(
        session, Link.page_id == await _parent_id(session, name), Link.id == link_id
    )
    return LinkRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(401, 403, 404, 409))
async def create_link(
    session: SessionDep,
    current_user: CurrentUser,
    name: SafeStr,
    body: LinkCreate,
) -> LinkRead:
    """Creates a Link. Under the Page the path names: 404 when there is none.
    Only the owner of the Page may (403 for anyone else).
    """
    data = body.model_dump(exclude_unset=True)
    data["page_id"] = await _parent_id(session, name, owner=current_user)
    row = Link(**data)
    session.add(row)
    await commit_or_409(session)
    return LinkRead.model_validate(await _fetch(session, Link.id == row.id))


@router.patch("/{link_id}", responses=error_responses(401, 403, 404, 409))
async def update_link(
    session: SessionDep,
    current_user: CurrentUser,
    name: SafeStr,
    link_id: Int32,
    body: LinkUpdate,
) -> LinkRead:
    """Changes the fields sent of a Link by id; 404 when there is none. Under
    the Page the path names: 404 when there is none. Only the owner of the
    Page may (403 for anyone else).
    """
    row = await _fetch(
        session,
        Link.page_id == await _parent_id(session, name, owner=current_user),
        Link.id == link_id,
    )
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return LinkRead.model_validate(await _fetch(session, Link.id == row.id))


@router.delete(
    "/{link_id}", status_code=204, responses=error_responses(401, 403, 404, 409)
)
async def delete_link(
    session: SessionDep,
    current_user: CurrentUser,
    name: SafeStr,
    link_id: Int32,
) -> None:
    """Deletes a Link by id; 404 when there is none. Under the Page the path
    names: 404 when there is none. Only the owner of the Page may (403 for
    anyone else).
    """
    row = await _fetch(
        session,
        Link.page_id == await _parent_id(session, name, owner=current_user),
        Link.id == link_id,
    )
    await session.delete(row)
    await commit_or_409(session)
