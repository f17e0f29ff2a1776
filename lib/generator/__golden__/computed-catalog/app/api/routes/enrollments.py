from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import SessionDep, commit_or_409
from app.api.scoping import require_reference
from app.models.course import Course
from app.models.enrollment import Enrollment
from app.models.student import Student
from app.schemas.common import Int32, Int64
from app.schemas.enrollment import EnrollmentCreate, EnrollmentRead, EnrollmentUpdate
from app.schemas.errors import error_responses
from app.schemas.responses import EnrollmentList

router = APIRouter(prefix="/enrollments", tags=["enrollments"])


async def _fetch(session: AsyncSession, *where: ColumnElement[bool]) -> Enrollment:
    """One Enrollment (relations to embed loaded eagerly), or 404."""
    statement = (
        select(Enrollment).where(*where).execution_options(populate_existing=True)
    )
    row = (await session.execute(statement)).scalar_one_or_none()
    if row is None:
        raise HTTPException(status_code=404, detail="Enrollment not found")
    return row


@router.get("")
async def list_enrollments(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[Int64, Query(ge=0)] = 0,
) -> EnrollmentList:
    """A page (limit, offset) of the Enrollment rows."""
    statement = select(Enrollment)
    count_statement = select(func.count()).select_from(statement.subquery())
    total = (await session.execute(count_statement)).scalar_one()
    statement = statement.order_by(Enrollment.id)
    statement = statement.limit(limit).offset(offset)
    rows = (await session.execute(statement)).scalars().all()
    items = [EnrollmentRead.model_validate(row) for row in rows]
    return EnrollmentList(items=items, total=total, limit=limit, offset=offset)


@router.get("/{enrollment_id}", responses=error_responses(404))
async def get_enrollment(
    session: SessionDep,
    enrollment_id: Int32,
) -> EnrollmentRead:
    """One Enrollment by id; 404 when there is none."""
    row = await _fetch(session, Enrollment.id == enrollment_id)
    return EnrollmentRead.model_validate(row)


@router.post("", status_code=201, responses=error_responses(409))
async def create_enrollment(
    session: SessionDep,
    body: EnrollmentCreate,
) -> EnrollmentRead:
    """Creates an Enrollment."""
    data = body.model_dump(exclude_unset=True)
    await require_reference(
        session,
        "student_id",
        body.student_id,
        select(Student.id).where(Student.id == body.student_id),
    )
    await require_reference(
        session,
        "course_id",
        body.course_id,
        select(Course.id).where(Course.id == body.course_id),
    )
    row = Enrollment(**data)
    session.add(row)
    await commit_or_409(session)
    return EnrollmentRead.model_validate(await _fetch(session, Enrollment.id == row.id))


@router.patch("/{enrollment_id}", responses=error_responses(404, 409))
async def update_enrollment(
    session: SessionDep,
    enrollment_id: Int32,
    body: EnrollmentUpdate,
) -> EnrollmentRead:
    """Changes the fields sent of an Enrollment by id; 404 when there is none."""
    row = await _fetch(session, Enrollment.id == enrollment_id)
    data = body.model_dump(exclude_unset=True)
    if body.student_id is not None:
        await require_reference(
            session,
            "student_id",
            body.student_id,
            select(Student.id).where(Student.id == body.student_id),
        )
    if body.course_id is not None:
        await require_reference(
            session,
            "course_id",
            body.course_id,
            select(Course.id).where(Course.id == body.course_id),
        )
    for key, value in data.items():
        setattr(row, key, value)
    await commit_or_409(session)
    return EnrollmentRead.model_validate(await _fetch(session, Enrollment.id == row.id))


@router.delete("/{enrollment_id}", status_code=204, responses=error_responses(404, 409))
async def delete_enrollment(
    session: SessionDep,
    enrollment_id: Int32,
) -> None:
    """Deletes an Enrollment by id; 404 when there is none."""
    row = await _fetch(session, Enrollment.id == enrollment_id)
    await session.delete(row)
    await commit_or_409(session)
