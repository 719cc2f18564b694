"""A round's proposal: Sở Nội vụ's tờ trình to the Chairman, its list within quota, and the draft decision."""

from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

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
    progress(start, _("Kết quả thẩm định của đợt"))
    scope.pause()
    figures = Nomination.objects.filter(round=round_).aggregate(
        received=Count("id", filter=Q(state__in=SENT_STATES)),
        eligible=Count("id", filter=Q(state__in=ELIGIBLE_STATES)),
        ineligible=Count("id", filter=Q(state=State.INELIGIBLE)),
    )
    quotas = {q.award_type_id: q.max_count for q in round_.quotas.all()}
    progress(start + (end - start) // 3, _("Danh sách đề nghị"))
    scope.pause()
    items = listed_nominations(round_)
    collectives = [n for n in items if n.subject == Subject.COLLECTIVE]
    individuals = [n for n in items if n.subject == Subject.INDIVIDUAL]
    award_names = sorted({n.award_type.name for n in items}) or [_("Bằng khen của Chủ tịch UBND tỉnh")]
    award_name = ", ".join(award_names)
    quota_total = sum(quotas.get(t, 0) for t in {n.award_type_id for n in items}) or sum(quotas.values())

    progress(start + 2 * (end - start) // 3, _("Dự thảo quyết định"))
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
        _("Danh sách tập thể, cá nhân đề nghị tặng %(award_name)s – %(name)s")
        % {"award_name": award_name, "name": round_.name},
        [
            "STT",
            _("Tập thể, cá nhân"),
            _("Chức vụ"),
            _("Đơn vị"),
            _("Hình thức"),
            _("Điểm thẩm định"),
            _("Tiền thưởng (đồng)"),
        ],
        rows,
        widths=[6, 24, 14, 24, 10, 10, 12],
    )
    about = _(
        "Về việc đề nghị tặng %(award_name)s cho các tập thể, cá nhân có thành "
        "tích xuất sắc trong phong trào thi đua “%(title)s” – %(name)s"
    ) % {"award_name": award_name, "title": c.title, "name": round_.name}
    bases = [
        _("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        _(
            "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một "
            "số điều của Luật Thi đua, khen thưởng;"
        ),
        _(
            "Căn cứ Kế hoạch số %(number)s ngày %(issued_on)s của %(issuer)s phát "
            "động phong trào thi đua “%(title)s”;"
        )
        % {
            "number": c.number,
            "issued_on": f"{c.issued_on:%d/%m/%Y}",
            "issuer": c.issuer,
            "title": c.title,
        },
    ]
    result = Section(
        key="proposal_result",
        heading=_("Kết quả tiếp nhận, thẩm định hồ sơ"),
        paragraphs=[
            _(
                "Sở Nội vụ đã tiếp nhận %(received)s hồ sơ đề nghị khen thưởng của các "
                "cơ quan, đơn vị, địa phương; qua thẩm định có %(eligible)s hồ sơ đủ "
                "điều kiện, %(ineligible)s hồ sơ không đủ điều kiện theo tiêu chuẩn quy "
                "định."
            )
            % {
                "received": figures["received"],
                "eligible": figures["eligible"],
                "ineligible": figures["ineligible"],
            },
            (
                _(
                    "Căn cứ chỉ tiêu khen thưởng của đợt (tối đa %(quota_total)s tập thể, "
                    "cá nhân) và kết quả xếp hạng "
                )
                % {"quota_total": quota_total}
                if quota_total
                else _("Căn cứ kết quả xếp hạng ")
            )
            + _(
                "hồ sơ đủ điều kiện theo điểm thẩm định, ưu tiên cá nhân trực tiếp lao "
                "động, công tác, Sở Nội vụ lựa chọn %(items)s tập thể, cá nhân đề nghị "
                "khen thưởng."
            )
            % {"items": len(items)},
        ],
    )
    ask = Section(
        key="proposal_ask",
        heading=_("Đề nghị"),
        paragraphs=[
            _(
                "Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, quyết định tặng "
                "%(award_name)s cho %(collectives)s tập thể và %(individuals)s cá nhân "
                "có thành tích xuất sắc trong phong trào thi đua “%(title)s” (có danh "
                "sách và dự thảo quyết định kèm theo)."
            )
            % {
                "award_name": award_name,
                "collectives": len(collectives),
                "individuals": len(individuals),
                "title": c.title,
            }
        ],
    )
    signature, signer = department_signature()
    submission = Part(
        parent_body=province_body(),
        issuing_body=_("SỞ NỘI VỤ"),
        number=_("Số:") + NBSP * 8 + "/TTr-SNV",
        place_date=place_date(c.place or _("Hưng Yên"), today),
        doc_type=_("TỜ TRÌNH"),
        title_lines=[about],
        addressee=_("Chủ tịch Ủy ban nhân dân tỉnh"),
        intro=bases,
        sections=[result, ask],
        closing=[_("Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, quyết định./.")],
        recipients=[
            _("Như trên;"),
            _("Hội đồng Thi đua – Khen thưởng tỉnh;"),
            _("Lãnh đạo Sở;"),
            _("Lưu: VT, TĐKT."),
        ],
        signature_lines=signature,
        signer_name=signer,
    )
    submission.annexes = [Annex("", list_table)]

    amounts = [bonuses[(n.award_type.code, n.subject)] for n in items]
    money_text = (
        _("Tổng số tiền thưởng là %(total)s đồng, từ nguồn quỹ thi đua, khen thưởng của tỉnh.")
        % {"total": money(sum(a for a in amounts if a))}
        if items and all(a is not None for a in amounts)
        else _("Tiền thưởng thực hiện theo quy định hiện hành, từ nguồn quỹ thi đua, khen thưởng của tỉnh.")
    )
    articles = Section(
        key="decision_articles",
        heading="",
        paragraphs=[
            (
                _("Điều 1."),
                _(
                    "Tặng %(award_name)s cho %(collectives)s tập thể và %(individuals)s cá "
                    "nhân đã có thành tích xuất sắc trong phong trào thi đua “%(title)s” "
                    "(có danh sách kèm theo)."
                )
                % {
                    "award_name": award_name,
                    "collectives": len(collectives),
                    "individuals": len(individuals),
                    "title": c.title,
                },
            ),
            (_("Điều 2."), money_text),
            (
                _("Điều 3."),
                _(
                    "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, "
                    "Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có "
                    "tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
                ),
            ),
        ],
    )
    decision = Part(
        parent_body="",
        issuing_body=_("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN"),
        number=_("Số:") + NBSP * 8 + _("/QĐ-UBND"),
        place_date=place_date(c.place or _("Hưng Yên"), today),
        doc_type=_("QUYẾT ĐỊNH"),
        title_lines=[about.replace(_("Về việc đề nghị tặng"), _("Về việc tặng"), 1)],
        issuer_name=_("Chủ tịch UBND tỉnh"),
        authority=_("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"),
        intro=[
            *bases,
            _("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số%(nbsp)s/TTr-SNV.") % {"nbsp": NBSP * 8},
        ],
        sections=[articles],
        recipients=[_("Như Điều 3;"), _("Chủ tịch, các Phó Chủ tịch UBND tỉnh;"), _("Lưu: VT, NC.")],
        signature_lines=[_("TM. ỦY BAN NHÂN DÂN"), (c.signer_title or _("CHỦ TỊCH")).upper()],
        signer_name=c.signer_name,
        draft=True,
        numbered_sections=False,
    )
    decision.annexes = [Annex("", list_table)]
    progress(end, _("Hoàn thiện văn bản"))
    return Report(
        title=_("Tờ trình và dự thảo quyết định khen thưởng – %(name)s") % {"name": round_.name},
        parts=[submission, decision],
    )
