"""Spreadsheet imports of the directory (units, people): validate every row, then write all or nothing."""

from .common import ImportResult
from .people import PEOPLE_COLUMNS, import_people
from .units import UNIT_COLUMNS, import_units

__all__ = ["PEOPLE_COLUMNS", "UNIT_COLUMNS", "ImportResult", "import_people", "import_units"]
