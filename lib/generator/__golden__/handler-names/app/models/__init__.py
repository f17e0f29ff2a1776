"""All models, imported so the mapper registry and Alembic see every table."""

from app.models.probe import Probe
from app.models.tally import Tally

__all__ = ["Probe", "Tally"]
