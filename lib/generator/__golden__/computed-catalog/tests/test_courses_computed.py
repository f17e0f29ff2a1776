"""Computed fields of Course."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_course, create_enrollment, create_student
from tests.utils import quote_path, run


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The Course as its get answers it to the caller of `headers`."""
    response = client.get(f"/courses/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_course_student_count_follows_the_related_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    assert _read(client, row, headers)["student_count"] == 0
    related = run(client, create_student)
    run(client, create_enrollment, course_id=row.id, student_id=related.id)
    related = run(client, create_student)
    run(client, create_enrollment, course_id=row.id, student_id=related.id)
    assert _read(client, row, headers)["student_count"] == 2


def test_course_best_grade_follows_the_related_values(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_course)
    assert _read(client, row, headers)["best_grade"] is None
    run(client, create_enrollment, course_id=row.id, grade=0)
    run(client, create_enrollment, course_id=row.id, grade=1)
    assert _read(client, row, headers)["best_grade"] == 1
