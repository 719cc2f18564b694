"""Extension points that higher apps fill in (nominations never imports them).

awards registers, in AwardsConfig.ready(), a provider of the nominee's earlier awards:
    from nominations.extensions import award_history_providers
    award_history_providers.append(provider)  # provider(nomination) -> list[dict]
Each dict: award, decision_number, decision_date, campaign, counts_for_merit (bool).
"""

import logging
from collections.abc import Callable

logger = logging.getLogger(__name__)

award_history_providers: list[Callable] = []

KEYS = ("award", "decision_number", "decision_date", "campaign", "counts_for_merit")


def earlier_awards_for(nomination) -> list[dict]:
    """Earlier awards of the dossier's nominee from every registered provider, newest first."""
    rows: list[dict] = []
    for provider in award_history_providers:
        try:
            rows.extend(provider(nomination) or [])
        except Exception:
            logger.exception("award history provider %r failed", provider)
    rows = [{key: row.get(key) for key in KEYS} for row in rows]
    rows.sort(key=lambda r: (r["decision_date"] is not None, r["decision_date"]), reverse=True)
    return rows
