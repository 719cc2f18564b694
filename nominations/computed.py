"""Computed criteria (a own plan, d dân vận ranking, g reporting) seen from a dossier.

criteria.services.evaluate_all does the computing for all of a dossier's computed criteria at once
(evaluate_computed for one); when it fails for a unit's missing data, or the nominee is a person, the
page says so instead of inventing a result.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from criteria.models import Criterion
from criteria.services import evaluate_all as evaluate_criteria
from criteria.services import evaluate_computed
from nominations.models import Nomination

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ComputedView:
    met: bool | None
    points: Decimal | None
    explanation: str
    available: bool = True


def _unavailable(text: str) -> ComputedView:
    return ComputedView(None, None, text, False)


def _no_data() -> ComputedView:
    return _unavailable(_("Chưa tính được: chưa có dữ liệu để tính tiêu chí này."))


def evaluate_all(criteria, nomination: Nomination) -> dict[int, ComputedView]:
    """{criterion pk: result} for the computed criteria among `criteria`, the nominee's data read once."""
    computed = [c for c in criteria if c.evaluation == Criterion.Evaluation.COMPUTED]
    if not computed:
        return {}
    unit = nomination.nominee_unit if nomination.nominee_unit_id else None
    if unit is None:
        missing = _no_data()
        return {c.pk: missing for c in computed}
    try:
        results = evaluate_criteria(computed, unit, nomination.round)
    except Exception:
        logger.exception("batched evaluation failed for dossier %s", nomination.pk)
    else:
        return {pk: ComputedView(r.met, r.points, r.explanation, True) for pk, r in results.items()}
    # One criterion at a time: a failure then costs only the criterion that failed.
    return {c.pk: _evaluate_one(c, unit, nomination) for c in computed}


def _evaluate_one(criterion: Criterion, unit, nomination: Nomination) -> ComputedView:
    try:
        result = evaluate_computed(criterion=criterion, unit=unit, round=nomination.round)
    except Exception:
        logger.exception("evaluate_computed failed for criterion %s", criterion.pk)
        return _unavailable(_("Chưa tính được: lỗi khi tính từ dữ liệu."))
    return ComputedView(result.met, result.points, result.explanation, True)


def evaluate(criterion: Criterion, nomination: Nomination) -> ComputedView:
    """The computed result of one criterion for the dossier's nominee, or 'chưa tính được'."""
    unit = nomination.nominee_unit if nomination.nominee_unit_id else None
    if unit is None:
        return _no_data()
    return _evaluate_one(criterion, unit, nomination)
