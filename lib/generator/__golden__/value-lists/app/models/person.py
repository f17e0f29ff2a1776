from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handle: Mapped[str] = mapped_column(String(30), nullable=False, unique=True)

    follows: Mapped[list["Person"]] = relationship(
        secondary="people_follows",
        primaryjoin="Person.id == people_follows.c.person_id",
        secondaryjoin=("Person.id == people_follows.c.related_person_id"),
        back_populates="followers",
        passive_deletes=True,
        lazy="raise",
    )
    followers: Mapped[list["Person"]] = relationship(
        secondary="people_follows",
        primaryjoin=("Person.id == people_follows.c.related_person_id"),
        secondaryjoin="Person.id == people_follows.c.person_id",
        back_populates="follows",
        passive_deletes=True,
        lazy="raise",
    )
