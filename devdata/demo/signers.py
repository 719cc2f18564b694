"""Demo issuers and signers: each demo unit's name in full, its abbreviation and locality for papers,
and a register of invented officials (a chairman and deputies, directors and their deputies)."""

import datetime as dt

from django.db import transaction

from campaigns.models import Campaign, Unit
from devdata.demo import names as data
from documents.models import Official

SELF_HEADED = (Unit.Kind.PROVINCE, Unit.Kind.DISTRICT, Unit.Kind.COMMUNE)
LEVEL_WORDS = ("thành phố ", "thị xã ", "huyện ", "phường ", "xã ", "tỉnh ")
# The agencies' abbreviations on their numbers (demo codes that are not one already).
AGENCY_ABBREVIATIONS = {"VP-UBND": "VP"}
TERM_START = dt.date(2024, 1, 1)
# unit code, full name, title, authority, on behalf of, default, from, to
OFFICIALS = [
    ("UBND-TINH", "Nguyễn Hữu Nghĩa", "Chủ tịch", "", "", True, dt.date(2025, 7, 1), None),
    ("UBND-TINH", "Trần Quốc Văn", "Chủ tịch", "", "", True, TERM_START, dt.date(2025, 6, 30)),
    ("UBND-TINH", "Phạm Thị Thanh Hương", "Phó Chủ tịch", "KT.", "Chủ tịch", False, TERM_START, None),
    ("SNV", "Lê Văn Thành", "Giám đốc", "", "", True, TERM_START, None),
    ("SNV", "Trần Quốc Toản", "Phó Giám đốc", "KT.", "Giám đốc", False, TERM_START, None),
    ("X-NHUQUYNH", "Phạm Quốc Khánh", "Chủ tịch", "TM.", "Ủy ban nhân dân", True, data.COMMUNES_START, None),
]


def _locality(name: str) -> str:
    lowered = name.lower()
    for words in LEVEL_WORDS:
        at = lowered.find(words)
        if at >= 0:
            return name[at + len(words) :]
    return ""


@transaction.atomic
def seed_signers() -> dict[str, int]:
    """Idempotent: fill the demo units' paper fields, then (re)write the demo register."""
    units = list(Unit.objects.filter(kind__in=[*SELF_HEADED, Unit.Kind.PROVINCIAL_AGENCY]))
    for unit in units:
        if unit.kind in SELF_HEADED:
            unit.official_name = unit.name.replace("UBND ", "Ủy ban nhân dân ", 1)
            unit.abbreviation = "UBND"
            unit.locality = _locality(unit.name)
        else:
            unit.official_name = unit.name
            unit.abbreviation = AGENCY_ABBREVIATIONS.get(unit.code, unit.code)
    Unit.objects.bulk_update(units, ["official_name", "abbreviation", "locality"])
    by_code = {u.code: u for u in units}
    written = 0
    for code, name, title, authority, whom, default, start, end in OFFICIALS:
        if code not in by_code:
            continue
        Official.objects.update_or_create(
            unit=by_code[code],
            full_name=name,
            valid_from=start,
            defaults={
                "title": title,
                "authority": authority,
                "on_behalf_of": whom,
                "is_default": default,
                "valid_to": end,
            },
        )
        written += 1
    if "UBND-TINH" in by_code and "SNV" in by_code:
        # The demo province decides its awards; its Sở Nội vụ appraises and reports.
        Campaign.objects.filter(deciding_unit__isnull=True).update(
            deciding_unit=by_code["UBND-TINH"], appraising_unit=by_code["SNV"]
        )
    return {"issuers": len(units), "officials": written}
