"""Computed criteria (a own plan, d dân vận ranking, g reporting) seen from a dossier.

criteria.services.evaluate_all does the computing for all of a dossier's computed criteria at once
(evaluate_computed for one); until it exists (or when it fails for a unit's missing data) the page
says so instead of inventing a result.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from criteria.models import Criterion
from nominations.models import Nomination

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ComputedView:
    met: bool | None
    points: Decimal | None
    explanation: str
    available: bool = True


def _evaluators():
    """criteria's batched evaluator (or its one-criterion entry point); None until criteria has one."""
    try:
        from criteria import services
    except ImportError:
        return None, None
    batched = getattr(services, "evaluate_all", None)
    return batched, getattr(services, "evaluate_computed", None)


def _unavailable(text: str) -> ComputedView:
    return ComputedView(None, None, text, False)


def evaluate_all(criteria, nomination: Nomination) -> dict[int, ComputedView]:
    """{criterion pk: result} for the computed criteria among `criteria`, the nominee's data read once."""
    computed = [c for c in criteria if c.evaluation == Criterion.Evaluation.COMPUTED]
    if not computed:
        return {}
    batched, single = _evaluators()
    unit = nomination.nominee_unit if nomination.nominee_unit_id else None
    if (batched is None and single is None) or unit is None:
        missing = _unavailable(_("Chưa tính được: chưa có dữ liệu để tính tiêu chí này."))
        return {c.pk: missing for c in computed}
    if batched is not None:
        try:
            results = batched(computed, unit, nomination.round)
        except Exception:
            logger.exception("batched evaluation failed for dossier %s", nomination.pk)
        else:
            return {pk: ComputedView(r.met, r.points, r.explanation, True) for pk, r in results.items()}
    # One criterion at a time: a failure then costs only the criterion that failed.
    return {c.pk: _evaluate_one(single, c, unit, nomination) for c in computed}


def _evaluate_one(single, criterion: Criterion, unit, nomination: Nomination) -> ComputedView:
    if single is None:
        return _unavailable(_("Chưa tính được: chưa có dữ liệu để tính tiêu chí này."))
    try:
        result = single(criterion=criterion, unit=unit, round=nomination.round)
    except Exception:
        logger.exception("evaluate_computed failed for criterion %s", criterion.pk)
        return _unavailable(_("Chưa tính được: lỗi khi tính từ dữ liệu."))
    return ComputedView(result.met, result.points, result.explanation, True)


def evaluate(criterion: Criterion, nomination: Nomination) -> ComputedView:
    """The computed result of one criterion for the dossier's nominee, or 'chưa tính được'."""
    _batched, single = _evaluators()
    unit = nomination.nominee_unit if nomination.nominee_unit_id else None
    if unit is None:
        return _unavailable(_("Chưa tính được: chưa có dữ liệu để tính tiêu chí này."))
    return _evaluate_one(single, criterion, unit, nomination)
