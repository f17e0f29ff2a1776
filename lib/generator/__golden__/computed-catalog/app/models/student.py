import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from app.models.course import Course
    from app.models.enrollment import Enrollment


class Student(Base):
    __tablename__ = "students"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime(), default=utc_now, server_default=func.now(), onupdate=utc_now
    )

    enrollments: Mapped[list["Enrollment"]] = relationship(
        back_populates="student", passive_deletes=True, lazy="raise"
    )
    courses: Mapped[list["Course"]] = relationship(
        secondary="enrollments",
        primaryjoin="Student.id == Enrollment.student_id",
        secondaryjoin="Course.id == Enrollment.course_id",
        back_populates="students",
        viewonly=True,
        lazy="raise",
    )

    if TYPE_CHECKING:
        # Column properties over related rows, attached in app/models/computed.py.
        course_count: Mapped[int]
