import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.enrollment import Enrollment
    from app.models.student import Student


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), nullable=False, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    enrollments: Mapped[list["Enrollment"]] = relationship(
        back_populates="course", passive_deletes=True, lazy="raise"
    )
    students: Mapped[list["Student"]] = relationship(
        secondary="enrollments",
        primaryjoin="Course.id == Enrollment.course_id",
        secondaryjoin="Student.id == Enrollment.student_id",
        back_populates="courses",
        viewonly=True,
        lazy="raise",
    )

    if TYPE_CHECKING:
        # Column properties over related rows, attached in app/models/computed.py.
        student_count: Mapped[int]
        best_grade: Mapped[int | None]
