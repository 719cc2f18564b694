"""A round's proposal: Sở Nội vụ's tờ trình to the Chairman, its list within quota, and the draft decision."""

from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone

from awards.bonus import bonus_rule
from awards.models import ProposalSlot
from campaigns.models import AwardType
from criteria.models import Subject
from nominations.models import Nomination, State
from reports.content.base import Scope, Section, Table, money
from reports.content.nominations import ELIGIBLE_STATES, SENT_STATES
from reports.content.report import NBSP, Annex, Part, Report, department_signature, place_date, province_body

# A dossier stays on the proposal list once proposed, whatever the decision said afterwards.
LISTED_STATES = [State.PROPOSED, State.AWARDED, State.NOT_AWARDED]


def listed_nominations(round_) -> list[Nomination]:
    """The round's proposed dossiers in list order: by award type, then quota slot or score."""
    qs = Nomination.objects.filter(
        round=round_, state__in=LISTED_STATES, award_type__level=AwardType.Level.PROVINCE
    ).select_related("award_type", "nominee_unit", "nominee_person__unit", "proposing_unit")
    items = list(qs)
    slots = dict(ProposalSlot.objects.filter(nomination__in=items).values_list("nomination_id", "slot"))
    for n in items:
        n.list_slot = slots.get(n.pk)
    items.sort(
        key=lambda n: (
            n.award_type.order,
            n.award_type.name,
            n.list_slot or 10**6,
            -(n.score or Decimal(0)),
            n.subject,
            n.pk,
        )
    )
    return items


def bonus_for(award_type, subject: str, day) -> int | None:
    """The bonus of one award on that day by the awards app's money rule (None if not configured yet)."""
    try:
        return bonus_rule(award_type=award_type, day=day, subjects=[subject]).amount(subject)
    except ValidationError:
        return None


def build(scope: Scope, progress: Callable[[int, str], None], *, start: int = 0, end: int = 70) -> Report:
    round_ = scope.rounds[0]
    c = scope.campaign
    today = timezone.localdate()
    progress(start, "Kết quả thẩm định của đợt")
    scope.pause()
    figures = Nomination.objects.filter(round=round_).aggregate(
        received=Count("id", filter=Q(state__in=SENT_STATES)),
        eligible=Count("id", filter=Q(state__in=ELIGIBLE_STATES)),
        ineligible=Count("id", filter=Q(state=State.INELIGIBLE)),
    )
    quotas = {q.award_type_id: q.max_count for q in round_.quotas.all()}
    progress(start + (end - start) // 3, "Danh sách đề nghị")
    scope.pause()
    items = listed_nominations(round_)
    collectives = [n for n in items if n.subject == Subject.COLLECTIVE]
    individuals = [n for n in items if n.subject == Subject.INDIVIDUAL]
    award_names = sorted({n.award_type.name for n in items}) or ["Bằng khen của Chủ tịch UBND tỉnh"]
    award_name = ", ".join(award_names)
    quota_total = sum(quotas.get(t, 0) for t in {n.award_type_id for n in items}) or sum(quotas.values())

    progress(start + 2 * (end - start) // 3, "Dự thảo quyết định")
    scope.pause()
    bonuses = {}
    for n in items:
        key = (n.award_type.code, n.subject)
        if key not in bonuses:
            bonuses[key] = bonus_for(n.award_type, n.subject, today)

    rows = []
    for i, n in enumerate(items, 1):
        if n.subject == Subject.COLLECTIVE:
            name, position, unit = n.nominee_unit.name, "", n.proposing_unit.name
        else:
            name, position, unit = (
                n.nominee_person.full_name,
                n.nominee_person.position,
                n.nominee_person.unit.name,
            )
        rows.append(
            [
                i,
                name,
                position,
                unit,
                n.award_type.short_name,
                n.score,
                bonuses[(n.award_type.code, n.subject)],
            ]
        )
    list_table = Table(
        "danh-sach-de-nghi",
        f"Danh sách tập thể, cá nhân đề nghị tặng {award_name} – {round_.name}",
        ["STT", "Tập thể, cá nhân", "Chức vụ", "Đơn vị", "Hình thức", "Điểm thẩm định", "Tiền thưởng (đồng)"],
        rows,
        widths=[6, 24, 14, 24, 10, 10, 12],
    )
    about = (
        f"Về việc đề nghị tặng {award_name} cho các tập thể, cá nhân có thành tích xuất sắc "
        f"trong phong trào thi đua “{c.title}” – {round_.name}"
    )
    bases = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, "
        "khen thưởng;",
        f"Căn cứ Kế hoạch số {c.number} ngày {c.issued_on:%d/%m/%Y} của {c.issuer} phát động phong trào "
        f"thi đua “{c.title}”;",
    ]
    result = Section(
        key="proposal_result",
        heading="Kết quả tiếp nhận, thẩm định hồ sơ",
        paragraphs=[
            f"Sở Nội vụ đã tiếp nhận {figures['received']} hồ sơ đề nghị khen thưởng của các cơ quan, "
            f"đơn vị, địa phương; qua thẩm định có {figures['eligible']} hồ sơ đủ điều kiện, "
            f"{figures['ineligible']} hồ sơ "
            "không đủ điều kiện theo tiêu chuẩn quy định.",
            (
                f"Căn cứ chỉ tiêu khen thưởng của đợt (tối đa {quota_total} tập thể, cá nhân) "
                "và kết quả xếp hạng "
                if quota_total
                else "Căn cứ kết quả xếp hạng "
            )
            + "hồ sơ đủ điều kiện theo điểm thẩm định, ưu tiên cá nhân trực tiếp lao động, công tác, "
            "Sở Nội vụ lựa chọn "
            f"{len(items)} tập thể, cá nhân đề nghị khen thưởng.",
        ],
    )
    ask = Section(
        key="proposal_ask",
        heading="Đề nghị",
        paragraphs=[
            f"Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, quyết định tặng {award_name} cho "
            f"{len(collectives)} tập thể và {len(individuals)} cá nhân có thành tích xuất sắc "
            "trong phong trào "
            f"thi đua “{c.title}” (có danh sách và dự thảo quyết định kèm theo)."
        ],
    )
    signature, signer = department_signature()
    submission = Part(
        parent_body=province_body(),
        issuing_body="SỞ NỘI VỤ",
        number="Số:" + NBSP * 8 + "/TTr-SNV",
        place_date=place_date(c.place or "Hưng Yên", today),
        doc_type="TỜ TRÌNH",
        title_lines=[about],
        addressee="Chủ tịch Ủy ban nhân dân tỉnh",
        intro=bases,
        sections=[result, ask],
        closing=["Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, quyết định./."],
        recipients=["Như trên;", "Hội đồng Thi đua – Khen thưởng tỉnh;", "Lãnh đạo Sở;", "Lưu: VT, TĐKT."],
        signature_lines=signature,
        signer_name=signer,
    )
    submission.annexes = [Annex("", list_table)]

    amounts = [bonuses[(n.award_type.code, n.subject)] for n in items]
    money_text = (
        f"Tổng số tiền thưởng là {money(sum(a for a in amounts if a))} đồng, từ nguồn quỹ thi đua, khen "
        "thưởng của tỉnh."
        if items and all(a is not None for a in amounts)
        else "Tiền thưởng thực hiện theo quy định hiện hành, từ nguồn quỹ thi đua, khen thưởng của tỉnh."
    )
    articles = Section(
        key="decision_articles",
        heading="",
        paragraphs=[
            (
                "Điều 1.",
                f"Tặng {award_name} cho {len(collectives)} tập thể và {len(individuals)} cá nhân đã có "
                f"thành tích xuất sắc trong phong trào thi đua “{c.title}” (có danh sách kèm theo).",
            ),
            ("Điều 2.", money_text),
            (
                "Điều 3.",
                "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các "
                "cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm "
                "thi hành Quyết định này./.",
            ),
        ],
    )
    decision = Part(
        parent_body="",
        issuing_body="ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN",
        number="Số:" + NBSP * 8 + "/QĐ-UBND",
        place_date=place_date(c.place or "Hưng Yên", today),
        doc_type="QUYẾT ĐỊNH",
        title_lines=[about.replace("Về việc đề nghị tặng", "Về việc tặng", 1)],
        issuer_name="Chủ tịch UBND tỉnh",
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
        intro=[*bases, f"Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số{NBSP * 8}/TTr-SNV."],
        sections=[articles],
        recipients=["Như Điều 3;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Lưu: VT, NC."],
        signature_lines=["TM. ỦY BAN NHÂN DÂN", (c.signer_title or "CHỦ TỊCH").upper()],
        signer_name=c.signer_name,
        draft=True,
        numbered_sections=False,
    )
    decision.annexes = [Annex("", list_table)]
    progress(end, "Hoàn thiện văn bản")
    return Report(
        title=f"Tờ trình và dự thảo quyết định khen thưởng – {round_.name}", parts=[submission, decision]
    )
