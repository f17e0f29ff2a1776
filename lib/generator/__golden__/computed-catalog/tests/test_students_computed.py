"""Computed fields of Student."""

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import create_course, create_enrollment, create_student
from tests.utils import quote_path, run


def _read(client: TestClient, row: Any, headers: dict[str, str]) -> Any:
    """The Student as its get answers it to the caller of `headers`."""
    response = client.get(f"/students/{quote_path(row.id)}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_student_course_count_follows_the_related_rows(client: TestClient) -> None:
    headers: dict[str, str] = {}
    row = run(client, create_student)
    assert _read(client, row, headers)["course_count"] == 0
    related = run(client, create_course)
    run(client, create_enrollment, student_id=row.id, course_id=related.id)
    related = run(client, create_course)
    run(client, create_enrollment, student_id=row.id, course_id=related.id)
    assert _read(client, row, headers)["course_count"] == 2
