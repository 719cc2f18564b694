"""Spreadsheet imports of the directory (units, people): validate every row, then write all or nothing."""

from campaigns.imports.common import ImportResult
from campaigns.imports.people import PEOPLE_COLUMNS, import_people
from campaigns.imports.units import UNIT_COLUMNS, import_units

__all__ = ["PEOPLE_COLUMNS", "UNIT_COLUMNS", "ImportResult", "import_people", "import_units"]
