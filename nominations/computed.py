"""Computed criteria (a own plan, d dân vận ranking, g reporting) seen from a dossier.

criteria.services.evaluate_computed does the computing; until it exists (or when it fails for a
unit's missing data) the page says so instead of inventing a result.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from criteria.models import Criterion

from .models import Nomination

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ComputedView:
    met: bool | None
    points: Decimal | None
    explanation: str
    available: bool = True


def _evaluator():
    try:
        from criteria import services
    except ImportError:
        return None
    return getattr(services, "evaluate_computed", None)


def evaluate(criterion: Criterion, nomination: Nomination) -> ComputedView:
    """The computed result of one criterion for the dossier's nominee, or 'chưa tính được'."""
    evaluator = _evaluator()
    unit = nomination.nominee_unit if nomination.nominee_unit_id else None
    if evaluator is None or unit is None:
        return ComputedView(None, None, _("Chưa tính được: chưa có dữ liệu để tính tiêu chí này."), False)
    try:
        result = evaluator(criterion=criterion, unit=unit, round=nomination.round)
    except Exception:
        logger.exception("evaluate_computed failed for criterion %s", criterion.pk)
        return ComputedView(None, None, _("Chưa tính được: lỗi khi tính từ dữ liệu."), False)
    return ComputedView(result.met, result.points, result.explanation, True)
