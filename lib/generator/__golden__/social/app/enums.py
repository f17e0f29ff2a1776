"""Enumerations of the design."""

import enum


def enum_values(enum_class: type[enum.Enum]) -> list[str]:
    """Columns store the values (not the member names)."""
    return [str(member.value) for member in enum_class]
