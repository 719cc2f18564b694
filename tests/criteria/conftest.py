"""Fixtures of the criteria tests: plan 169 loaded from its file."""

from pathlib import Path

import pytest

from criteria.plan_loader import load_plan_file

ROOT = Path(__file__).resolve().parents[2]
PLAN_169 = ROOT / "plans" / "169-KH-UBND.yaml"


@pytest.fixture
def plan(db):
    """Kế hoạch 169 loaded from plans/169-KH-UBND.yaml; returns the Campaign."""
    return load_plan_file(PLAN_169).campaign
