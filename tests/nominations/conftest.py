import pytest

from tests.factories import make_complete, round_setup


@pytest.fixture
def setup(db):
    """An open round of plan 169 with its required documents and criteria."""
    return round_setup()


@pytest.fixture
def draft(cast, setup):
    """A draft dossier for unit A (collective), prepared by unit A's officer."""
    return setup.dossier(nominee_unit=cast.unit_a, created_by=cast.officer_a)


@pytest.fixture
def complete_draft(draft, setup, cast):
    return make_complete(draft, setup, cast.officer_a)
