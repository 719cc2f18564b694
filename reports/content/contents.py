"""Part: the results by the plan's contents (nội dung thi đua 1–6, criteria.EmulationContent).

Under each content: its numbered title, what Sở Nội vụ wrote about it (Scope.narrative), then the figures
the portal has for the records the plan's data links to it — its criteria in the dossiers, the practices of
its kinds, the difficulties of its topics, the dân vận ranking when one of its criteria is computed from it.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from criteria.models import Criterion, EmulationContent, UnitRanking
from documents.content import Heading, Paragraph
from practices import selectors
from practices.models import Field, Practice
from reports.content import rankings, scores
from reports.content.base import Scope, Section, narrative_paragraphs, percent
from reports.content.practices import units_of


def contents_of(campaign) -> list[EmulationContent]:
    """The campaign's contents in order, each with its criteria (and their set) joined."""
    criteria = Criterion.objects.select_related("criterion_set").order_by(
        "criterion_set__subject", "sort_key"
    )
    return list(
        EmulationContent.objects.filter(campaign=campaign).prefetch_related(
            Prefetch("criteria", queryset=criteria)
        )
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def criteria_sentence(criteria: list[Criterion], results: dict[int, dict]) -> str | None:
    """How the content's criteria were scored in the dossiers: the average over the maximum, and on how
    many dossiers; None when none of them was scored."""
    items = [
        _(
            "tiêu chí %(code)s) đối với %(subject)s (%(label)s) đạt bình quân %(average)s/%(max)s điểm "
            "(%(scored)s hồ sơ)"
        )
        % {
            "code": c.code,
            "subject": c.criterion_set.get_subject_display().lower(),
            "label": _lower_first(c.label),
            "average": scores.points(scores.average(results[c.pk]["appraised"])),
            "max": scores.points(c.max_points),
            "scored": results[c.pk]["scored"],
        }
        for c in criteria
        if results.get(c.pk, {}).get("scored")
    ]
    if not items:
        return None
    return _("Trong các hồ sơ đề nghị khen thưởng đã được thẩm định chấm điểm, %(items)s.") % {
        "items": "; ".join(items)
    }


def practice_sentence(content: EmulationContent, counts: list[dict]) -> str | None:
    rows = [
        r
        for r in counts
        if r["kind"] in content.practice_kinds
        and (not content.practice_fields or r["field"] in content.practice_fields)
    ]
    registered = sum(r["registered"] for r in rows)
    if not registered:
        return None
    recognised = sum(r["recognised"] for r in rows)
    featured = sum(r["featured"] for r in rows)
    kinds = _(" và ").join(_lower_first(str(Practice.Kind(k).label)) for k in content.practice_kinds)
    fields = (
        _(" thuộc lĩnh vực %(fields)s")
        % {"fields": ", ".join(_lower_first(str(Field(f).label)) for f in content.practice_fields)}
        if content.practice_fields
        else ""
    )
    text = _("Các đơn vị, cá nhân đã đăng ký %(registered)s %(kinds)s%(fields)s") % {
        "registered": registered,
        "kinds": kinds,
        "fields": fields,
    }
    if recognised:
        text += _("; %(recognised)s đã được cấp có thẩm quyền công nhận") % {"recognised": recognised}
        if featured:
            text += _(", trong đó %(featured)s được chọn làm điển hình nhân rộng") % {"featured": featured}
    else:
        text += _("; chưa có nội dung nào được công nhận")
    return text + "."


def difficulty_sentences(content: EmulationContent, by_topic: dict[str, dict]) -> list[str]:
    """One sentence per topic of the content that units raised difficulties on: where they stand now."""
    sentences = []
    for topic in content.difficulty_topics:
        row = by_topic.get(topic)
        if not row or not row["raised"]:
            continue
        where = [
            text % {"n": row[key]}
            for key, text in (
                ("settled", _("%(n)s nội dung đã được trả lời, giải quyết")),
                ("forwarded", _("%(n)s nội dung đã chuyển cơ quan có thẩm quyền")),
                ("waiting", _("%(n)s nội dung đang được xem xét")),
            )
            if row[key]
        ]
        sentences.append(
            _("Các đơn vị đã phản ánh %(raised)s khó khăn, vướng mắc về %(topic)s; đến nay %(where)s.")
            % {"raised": row["raised"], "topic": _lower_first(row["label"]), "where": ", ".join(where)}
        )
    return sentences


def ranking_sentence(year: int | None, grades: dict[str, int]) -> str | None:
    total = sum(grades.values())
    if not total:
        return None
    parts = ", ".join(
        _("%(n)s đơn vị xếp loại %(grade)s (%(share)s)")
        % {"n": grades[g], "grade": UnitRanking.Grade(g).label, "share": percent(grades[g], total)}
        for g in UnitRanking.Grade.values
        if grades.get(g)
    )
    return _(
        "Kết quả đánh giá, xếp hạng công tác dân vận chính quyền năm %(year)s: %(total)s đơn vị "
        "được xếp hạng, trong đó %(parts)s."
    ) % {"year": year, "total": total, "parts": parts}


def build(scope: Scope) -> Section:
    section = Section(key="contents", heading=_("Kết quả thực hiện các nội dung thi đua"))
    contents = contents_of(scope.campaign)
    if not contents:
        section.paragraphs.append(_("Kế hoạch chưa khai báo các nội dung thi đua trên Cổng thông tin."))
        return section
    # Each kind of record in one query for every content.
    linked = [c for content in contents for c in content.criteria.all()]
    results = scores.criterion_results(scope) if linked else {}
    units = units_of(scope)
    practice_counts = (
        selectors.practice_counts_by_kind_and_field(year=scope.year, units=units)
        if any(content.practice_kinds for content in contents)
        else []
    )
    by_topic = (
        {r["code"]: r for r in selectors.difficulty_counts_by_topic(year=scope.year, units=units)}
        if any(content.difficulty_topics for content in contents)
        else {}
    )
    ranked = any(c.source == Criterion.Source.DVCQ_RANKING for c in linked)
    year, grades = rankings.grade_counts(scope) if ranked else (None, {})
    for content in contents:
        section.blocks.append(Heading(content.title, numeral=str(content.number), level=2))
        section.blocks.extend(Paragraph(p) for p in narrative_paragraphs(scope, content.narrative_key))
        criteria = list(content.criteria.all())
        figures = [criteria_sentence(criteria, results)]
        if any(c.source == Criterion.Source.DVCQ_RANKING for c in criteria):
            figures.append(ranking_sentence(year, grades))
        if content.practice_kinds:
            figures.append(practice_sentence(content, practice_counts))
        figures.extend(difficulty_sentences(content, by_topic))
        figures = [f for f in figures if f]
        if not figures:
            figures = [_("Cổng thông tin chưa có số liệu về nội dung này trong kỳ báo cáo.")]
        section.blocks.extend(Paragraph(f) for f in figures)
    return section
