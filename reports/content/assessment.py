"""Sections: the parts Sở Nội vụ writes after the computed ones — the overall assessment (strengths,
shortcomings, their causes), the tasks ahead and the proposals (reports.narrative).

Their text is `scope.narrative`: the versions the job was asked with. A part not written yet says so in
italics (and summary.build marks the report as a draft). A unit's own report has none of these parts.
"""

from django.utils.translation import gettext as _

from documents.content import Heading, Paragraph
from reports import narrative
from reports.content.base import Scope, Section

ASSESSMENT_KEYS = [key for key, _label, _hint in narrative.ASSESSMENT]


def kind_of(scope: Scope) -> str:
    """The province report a scope is for: a year's, or the whole campaign's."""
    return "annual" if scope.year else "final"


def _parts(scope: Scope) -> dict[str, narrative.Part]:
    return {p.key: p for p in narrative.parts_of(scope.campaign, kind_of(scope), scope.year)}


def written(scope: Scope, key: str) -> list[Paragraph]:
    """A part's paragraphs as written, or one italic line saying it is not written yet."""
    paragraphs = narrative.paragraphs_of(scope.narrative.get(key, ""))
    if not paragraphs:
        return [Paragraph(_("(Phần này chưa được viết.)"), italic=True)]
    return [Paragraph(p) for p in paragraphs]


def build(scope: Scope) -> Section | None:
    """ "Đánh giá chung": 1. Ưu điểm, 2. Hạn chế, 3. Nguyên nhân, each under its numbered line."""
    if scope.unit is not None:
        return None
    parts = _parts(scope)
    section = Section(key="danh-gia-chung", heading=_("Đánh giá chung"))
    for number, key in enumerate(ASSESSMENT_KEYS, 1):
        section.paragraphs.append(Heading(parts[key].label, numeral=str(number), level=2))
        section.paragraphs.extend(written(scope, key))
    return section


def build_direction(scope: Scope) -> Section | None:
    """ "Phương hướng, nhiệm vụ năm Y+1" (annual) or "… giai đoạn tiếp theo" (end of campaign)."""
    if scope.unit is not None:
        return None
    part = _parts(scope)[narrative.DIRECTION_KEY]
    return Section(key=part.key, heading=part.label, paragraphs=written(scope, part.key))


def build_proposals(scope: Scope) -> Section | None:
    """ "Kiến nghị, đề xuất"."""
    if scope.unit is not None:
        return None
    part = _parts(scope)[narrative.PROPOSALS[0]]
    return Section(key=part.key, heading=part.label, paragraphs=written(scope, part.key))


def unwritten(scope: Scope) -> list[narrative.Part]:
    """The parts of a province report that are not written in the versions the job was asked with."""
    if scope.unit is not None:
        return []
    return [p for p in _parts(scope).values() if not narrative.paragraphs_of(scope.narrative.get(p.key, ""))]
