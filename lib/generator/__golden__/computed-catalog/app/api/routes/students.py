from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.models.student import Student
from app.schemas.common import Int32, Int64
from app.schemas.errors import error_responses
from app.schemas.responses import StudentList
from app.schemas.student import StudentCreate, StudentRead, StudentUpdate

router = APIRouter(prefix="/students", tags=["students"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Student:
    """One Student (relations to embed loaded eagerly), or 404."""
    statement = select(Student).where(*where).execution_options(populate_existing=True)
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Student not found")
    return row


@router.get("")
async def list_students(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> StudentList:
    """A page (limit, offset) of the Student rows."""
    statement = select(Student)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Student.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [StudentRead.model_validate(row) for row in rows]
    return StudentList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{student_id}", responses=error_responses(404))
async def get_student(
    session: SessionDep,
    student_id: Int32,
) -> StudentRead:
    """One Student by id; 404 when there is none."""
    row = await _fetch(session, Student.id == student_id)
    return StudentRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_student(
    session: SessionDep,
    body: StudentCreate,
) -> StudentRead:
    """Creates a Student."""
    data = body.model_dump(exclude_unset=True)
    row = Student(**data)
    session.add(row)
    await commit_or_409(session)
    return StudentRead.model_validate(await _fetch(session, Student.id == row.id))


@router.patch("/{student_id}", responses=error_responses(404, 409))
async def update_student(
    session: SessionDep,
    student_id: Int32,
    body: StudentUpdate,
) -> StudentRead:
    """Changes the fields sent of a Student by id; 404 when there is none."""
    row = await _fetch(session, Student.id == student_id)
    data = body.model_dump(exclude_unset=True)
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return StudentRead.model_validate(await _fetch(session, Student.id == row.id))


@router.delete("/{student_id}", status_code=204, responses=error_responses(404, 409))
async def delete_student(
    session: SessionDep,
    student_id: Int32,
) -> None:
    """Deletes a Student by id; 404 when there is none."""
    row = await _fetch(session, Student.id == student_id)
    await session.delete(row)
    await commit_or_409(session)
