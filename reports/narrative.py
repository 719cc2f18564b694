"""The written parts of the annual and end-of-campaign reports: which they are, in order, and their text.

A summary report has parts no database computes: what came of each of the plan's contents, the
assessment (strengths, shortcomings and their causes), the tasks ahead and the proposals. Sở Nội vụ
writes them on the "Dự thảo báo cáo" page; each save is a version (reports.models.NarrativeVersion,
written by reports.services.write_part), and a report job records the versions current when it was asked
for, so that it can be built again word for word.

The parts of the plan's contents are the campaign's contents (criteria.EmulationContent, loaded from the
plan file), each with the plan's own words as its hint — its section `noi-dung-thi-dua`, numbered
paragraphs "1. …", "2. …" — so another plan has its own; the other parts are the table below.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import CampaignSection
from criteria.models import EmulationContent

# The reports that have written parts (ReportJob.Kind values).
KINDS = ("annual", "final")
# The plan's section whose numbered paragraphs are its contents, and the keys of their parts.
CONTENTS_SECTION = "noi-dung-thi-dua"
# The address of a report's draft (/bao-cao/du-thao/<campaign>/<period>/): "nam-2025" or this.
FINAL_PERIOD = "tong-ket"
# A part is prose, not an annex: about eight pages at most.
MAX_CHARS = 20_000


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    hint: str


# The parts after the contents, in the order of the report: key, label, what to write. The direction's
# label says which year or period it is about (`_direction`).
ASSESSMENT = [
    (
        "uu-diem",
        gettext_lazy("Ưu điểm"),
        gettext_lazy(
            "Những kết quả nổi bật, cách làm hiệu quả, đơn vị và lĩnh vực làm tốt; vai trò của người đứng "
            "đầu trong chỉ đạo phong trào."
        ),
    ),
    (
        "han-che",
        gettext_lazy("Hạn chế"),
        gettext_lazy(
            "Những việc chưa làm được hoặc chưa đạt yêu cầu, nơi phong trào còn hình thức, các chỉ tiêu "
            "chưa đạt."
        ),
    ),
    (
        "nguyen-nhan",
        gettext_lazy("Nguyên nhân của hạn chế"),
        gettext_lazy("Nguyên nhân khách quan và chủ quan của từng hạn chế nêu trên."),
    ),
]
PROPOSALS = (
    "kien-nghi",
    gettext_lazy("Kiến nghị, đề xuất"),
    gettext_lazy(
        "Kiến nghị với Ủy ban nhân dân tỉnh và các cơ quan cấp trên về cơ chế, kinh phí, hướng dẫn, khen "
        "thưởng để phong trào đạt kết quả cao hơn."
    ),
)
DIRECTION_KEY = "phuong-huong"


def _direction(kind: str, year: int | None) -> Part:
    if kind == "final":
        return Part(
            DIRECTION_KEY,
            _("Phương hướng, nhiệm vụ giai đoạn tiếp theo"),
            _("Cách duy trì và nhân rộng kết quả của phong trào sau khi kết thúc kế hoạch."),
        )
    return Part(
        DIRECTION_KEY,
        _("Phương hướng, nhiệm vụ năm %(year)s") % {"year": (year or 0) + 1},
        _("Nhiệm vụ, giải pháp trọng tâm để tiếp tục thực hiện phong trào trong năm tới."),
    )


def period(kind: str, year: int | None) -> str:
    """The draft's address segment: "nam-2025" for a year's report, "tong-ket" for the end of campaign."""
    return FINAL_PERIOD if kind == "final" else f"nam-{year}"


def plan_contents(campaign) -> list[tuple[int, str]]:
    """The plan's contents (its section `noi-dung-thi-dua`): (number, text) of each numbered paragraph."""
    body = (
        CampaignSection.objects.filter(campaign=campaign, key=CONTENTS_SECTION)
        .values_list("body", flat=True)
        .first()
    )
    contents = []
    for paragraph in re.split(r"\n\s*\n", body or ""):
        match = re.match(r"\s*(\d+)\.\s+(.+)", paragraph, re.DOTALL)
        if match:
            contents.append((int(match[1]), " ".join(match[2].split())))
    return contents


def parts_of(campaign, kind: str, year: int | None = None) -> list[Part]:
    """The parts Sở Nội vụ writes for one report, in the order of the report: one per content of the plan
    (criteria.EmulationContent, its short title as the label and the plan's own words as the hint), then
    the assessment, the direction and the proposals (two queries)."""
    words = dict(plan_contents(campaign))
    contents = [
        Part(
            content.narrative_key,
            _("Nội dung %(n)s: %(title)s") % {"n": content.number, "title": content.title},
            words.get(content.number, content.title),
        )
        for content in EmulationContent.objects.filter(campaign=campaign).only("number", "title")
    ]
    assessment = [Part(key, str(label), str(hint)) for key, label, hint in ASSESSMENT]
    key, label, hint = PROPOSALS
    return [*contents, *assessment, _direction(kind, year), Part(key, str(label), str(hint))]


def clean_text(text: str | None) -> str:
    """The text as it is kept: Unicode NFC, Unix line ends, no trailing spaces, no blank lines around."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a part: a blank line separates two; a single line break is only a space."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]
