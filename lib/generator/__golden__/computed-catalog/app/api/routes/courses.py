from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.course import Course
from app.schemas.common import Int32, Int64
from app.schemas.course import CourseCreate, CourseRead, CourseUpdate
from app.schemas.errors import error_responses
from app.schemas.responses import CourseList

router = APIRouter(prefix="/courses", tags=["courses"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Course:
    """One Course (relations to embed loaded eagerly), or 404."""
    statement = select(Course).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Course not found")
    return row


@router.get("")
async def list_courses(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> CourseList:
    """A page (limit, offset) of the Course rows."""
    statement = select(Course)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Course.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [CourseRead.model_validate(row) for row in rows]
    return CourseList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{course_id}", responses=error_responses(404))
async def get_course(
    session: SessionDep,
    course_id: Int32,
) -> CourseRead:
    """One Course by id; 404 when there is none."""
    row = await _fetch(session, Course.id == course_id)
    return CourseRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_course(
    session: SessionDep,
    body: CourseCreate,
) -> CourseRead:
    """Creates a Course."""
    data = body.model_dump(exclude_unset=True)
    row = Course(**data)
    session.add(row)
    await commit_or_409(session)
    return CourseRead.model_validate(await _fetch(session, Course.id == row.id))


@router.patch("/{course_id}", responses=error_responses(404, 409))
async def update_course(
    session: SessionDep,
    course_id: Int32,
    body: CourseUpdate,
) -> CourseRead:
    """Changes the fields sent of a Course by id; 404 when there is none."""
    row = await _fetch(session, Course.id == course_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return CourseRead.model_validate(await _fetch(session, Course.id == row.id))


@router.delete("/{course_id}", status_code=204, responses=error_responses(404, 409))
async def delete_course(
    session: SessionDep,
    course_id: Int32,
) -> None:
    """Deletes a Course by id; 404 when there is none."""
    row = await _fetch(session, Course.id == course_id)
    await session.delete(row)
    await commit_or_409(session)
