"""A round's proposal: Sở Nội vụ's tờ trình to the Chairman with its list within quota, and the draft
decision of each award type with the list of those it awards.

Both papers are left undated and unnumbered ("Số:      /TTr-SNV", "ngày    tháng    năm 2026"): the văn
thư writes them in when the paper is signed. Each is signed by the official chosen when it was asked for
(reports.signing), else the register's default on the day it is built.
"""

from collections.abc import Callable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.bonus import bonus_rule
from awards.models import ProposalSlot
from awards.papers import addressed, who_words
from campaigns.models import AwardType
from criteria.models import Subject
from documents.bases import bases_on
from documents.content import Annex, Document, Heading, Paragraph, Table, roman
from documents.issuers import (
    campaign_unit,
    deciding_authority,
    full_name,
    head_title,
    issuer_for,
    signature_for,
)
from nominations.models import Nomination, State
from reports.content.base import Scope, money
from reports.content.nominations import ELIGIBLE_STATES, SENT_STATES
from reports.content.report import Report

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


def check_proposable(round_) -> None:
    """Refuse a tờ trình for a round with nobody on its proposal list."""
    if not Nomination.objects.filter(
        round=round_, state__in=LISTED_STATES, award_type__level=AwardType.Level.PROVINCE
    ).exists():
        raise ValidationError(
            _(
                "Đợt “%(name)s” chưa có hồ sơ nào trong danh sách đề nghị khen thưởng: hãy lập danh sách "
                "đề nghị trong chỉ tiêu (trang Xếp hạng và đề nghị) rồi tạo tờ trình."
            )
            % {"name": round_.name}
        )


def bonus_for(award_type, subject: str, day) -> int | None:
    """The bonus of one award on that day by the awards app's money rule (None if not configured yet)."""
    try:
        return bonus_rule(award_type=award_type, day=day, subjects=[subject]).amount(subject)
    except ValidationError:
        return None


def count_words(n: int) -> str:
    """'(03)': the count after a list's heading, two digits as lists of decisions write it."""
    return f"({n:02d})"


def _lists(items, *, with_score: bool, bonuses: dict | None = None) -> list:
    """The blocks of a list: 'I. Tập thể (03)', its table; 'II. Cá nhân (04)', its table."""
    blocks = []
    groups = [
        (Subject.COLLECTIVE, _("Tập thể"), [n for n in items if n.subject == Subject.COLLECTIVE]),
        (Subject.INDIVIDUAL, _("Cá nhân"), [n for n in items if n.subject == Subject.INDIVIDUAL]),
    ]
    groups = [g for g in groups if g[2]]
    for i, (subject, label, group) in enumerate(groups, 1):
        blocks.append(Heading(f"{label} {count_words(len(group))}", numeral=roman(i)))
        if subject == Subject.COLLECTIVE:
            columns = [_("STT"), _("Tên tập thể"), _("Cơ quan, đơn vị đề nghị")]
            widths = [8, 52, 40]
            rows = [
                [k, full_name(n.nominee_unit), full_name(n.proposing_unit)] for k, n in enumerate(group, 1)
            ]
        else:
            columns = [_("STT"), _("Họ và tên"), _("Chức vụ, đơn vị công tác")]
            widths = [8, 34, 58]
            rows = [
                [
                    k,
                    addressed(n.nominee_person.full_name, n.nominee_person.gender),
                    ", ".join(p for p in (n.nominee_person.position, full_name(n.nominee_person.unit)) if p),
                ]
                for k, n in enumerate(group, 1)
            ]
        if with_score:
            columns.append(_("Điểm thẩm định"))
            for row, n in zip(rows, group, strict=True):
                row.append(n.score)
            widths = [w - 4 if w > 20 else w for w in widths] + [12]
        if bonuses is not None:
            columns.append(_("Tiền thưởng (đồng)"))
            for row, n in zip(rows, group, strict=True):
                row.append(bonuses[(n.award_type.code, n.subject)])
            widths = [w - 5 if w > 20 else w for w in widths] + [15]
        key = "tap-the" if subject == Subject.COLLECTIVE else "ca-nhan"
        blocks.append(Table(key, f"{label}", columns, rows, widths=widths, caption=False))
    return blocks


def build(
    scope: Scope,
    progress: Callable[[int, str], None],
    *,
    start: int = 0,
    end: int = 70,
    signer: int | None = None,
    decision_signer: int | None = None,
) -> Report:
    """The tờ trình signed for the appraising body by `signer`, and a draft decision per award type signed
    in the deciding body's name by `decision_signer` (officials' ids; None: the register's default)."""
    round_ = scope.rounds[0]
    c = scope.campaign
    today = timezone.localdate()
    check_proposable(round_)
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
    award_types = list({n.award_type_id: n.award_type for n in items}.values())
    quota_total = sum(quotas.get(t.pk, 0) for t in award_types)

    department = campaign_unit(c, "appraising")
    deciding = campaign_unit(c, "deciding")
    submitter = issuer_for(department, today)
    decider = issuer_for(deciding, today)
    chair = head_title(deciding, today)
    department_head = head_title(department, today)
    chair_of = _("%(title)s %(body)s") % {"title": chair, "body": decider.running_name}
    plan = _("Kế hoạch số %(number)s ngày %(issued_on)s của %(issuer)s") % {
        "number": c.number,
        "issued_on": f"{c.issued_on:%d/%m/%Y}",
        "issuer": c.issuer,
    }

    def subject_line(names, verb: str) -> str:
        return _(
            "Về việc %(verb)s %(award_name)s cho các tập thể, cá nhân có thành tích xuất sắc trong "
            "phong trào thi đua “%(title)s”"
        ) % {"verb": verb, "award_name": names, "title": c.title}

    award_names = _(" và ").join(t.name for t in award_types)
    who = who_words(
        sum(n.subject == Subject.COLLECTIVE for n in items),
        sum(n.subject == Subject.INDIVIDUAL for n in items),
    )
    body = [
        Paragraph(
            _(
                "Thực hiện %(plan)s về việc phát động phong trào thi đua “%(title)s”, %(department)s kính "
                "trình %(chair_of)s kết quả thẩm định hồ sơ đề nghị khen thưởng của đợt “%(round)s” như sau:"
            )
            % {
                "plan": plan,
                "title": c.title,
                "department": submitter.running_name,
                "chair_of": chair_of,
                "round": round_.name,
            }
        ),
        Heading(_("Kết quả tiếp nhận, thẩm định hồ sơ"), numeral=roman(1)),
        Paragraph(
            _(
                "%(department)s đã tiếp nhận %(received)s hồ sơ đề nghị khen thưởng của các cơ quan, đơn "
                "vị, địa phương; qua thẩm định có %(eligible)s hồ sơ đủ điều kiện, %(ineligible)s hồ sơ "
                "không đủ điều kiện theo tiêu chuẩn quy định."
            )
            % {"department": submitter.running_name, **figures}
        ),
        Paragraph(
            (
                _("Căn cứ chỉ tiêu khen thưởng của đợt (tối đa %(quota_total)s tập thể, cá nhân) và kết quả ")
                % {"quota_total": quota_total}
                if quota_total
                else _("Căn cứ kết quả ")
            )
            + _(
                "xếp hạng hồ sơ đủ điều kiện theo điểm thẩm định, ưu tiên cá nhân trực tiếp lao động, công "
                "tác, %(department)s lựa chọn %(who)s đề nghị khen thưởng (danh sách kèm theo)."
            )
            % {"department": submitter.running_name, "who": who}
        ),
        Heading(_("Đề nghị"), numeral=roman(2)),
        Paragraph(
            _(
                "%(department)s đề nghị %(chair_of)s tặng %(award_name)s cho %(who)s có thành tích xuất "
                "sắc trong phong trào thi đua “%(title)s” (có danh sách và dự thảo Quyết định kèm theo)."
            )
            % {
                "department": submitter.running_name,
                "chair_of": chair_of,
                "award_name": award_names,
                "title": c.title,
                "who": who,
            }
        ),
        Paragraph(
            _("%(department)s kính trình %(chair_of)s xem xét, quyết định./.")
            % {"department": submitter.running_name, "chair_of": chair_of}
        ),
    ]
    submission = Document(
        issuer=submitter,
        doc_type=_("TỜ TRÌNH"),
        type_code="TTr",
        title_lines=[subject_line(award_names, _("đề nghị tặng"))],
        year=today.year,
        addressee=[chair_of],
        body=body,
        recipients=[
            _("Như trên;"),
            _("Hội đồng Thi đua – Khen thưởng tỉnh;"),
            _("Lãnh đạo Sở;"),
            _("Lưu: VT, TĐKT."),
        ],
        signatures=[signature_for(department, today, signer)],
        annexes=[
            Annex(
                _("DANH SÁCH"),
                _("Tập thể, cá nhân đề nghị tặng %(award_name)s") % {"award_name": award_names},
                _lists(items, with_score=True),
            )
        ],
    )

    progress(start + 2 * (end - start) // 3, _("Dự thảo quyết định"))
    scope.pause()
    decisions = []
    for award_type in award_types:
        listed = [n for n in items if n.award_type_id == award_type.pk]
        decisions.append(
            draft_decision(
                award_type,
                listed,
                campaign=c,
                plan=plan,
                decider=decider,
                deciding=deciding,
                department=submitter,
                department_head=department_head,
                submission=submission,
                subject_line=subject_line(award_type.name, _("tặng")),
                today=today,
                signer=decision_signer,
            )
        )
    progress(end, _("Hoàn thiện văn bản"))
    return Report(
        title=_("Tờ trình và dự thảo quyết định khen thưởng – %(name)s") % {"name": round_.name},
        documents=[submission, *decisions],
        sections=[],
    )


def draft_decision(
    award_type,
    listed,
    *,
    campaign,
    plan,
    decider,
    deciding,
    department,
    department_head,
    submission,
    subject_line,
    today,
    signer=None,
) -> Document:
    """The Chairman's decision as Sở Nội vụ drafts it: grounds in force today, 'được tặng', no scores."""
    bonuses = {}
    for n in listed:
        key = (n.award_type.code, n.subject)
        if key not in bonuses:
            bonuses[key] = bonus_for(n.award_type, n.subject, today)
    amounts = [bonuses[(n.award_type.code, n.subject)] for n in listed]
    collectives = sum(n.subject == Subject.COLLECTIVE for n in listed)
    individuals = len(listed) - collectives
    money_text = (
        _(
            "Tặng kèm theo Bằng khen là tiền thưởng theo quy định; tổng số tiền thưởng là %(total)s đồng, "
            "từ nguồn quỹ thi đua, khen thưởng của tỉnh."
        )
        % {"total": money(sum(amounts))}
        if listed and all(a is not None for a in amounts)
        else _("Tiền thưởng thực hiện theo quy định hiện hành, từ nguồn quỹ thi đua, khen thưởng của tỉnh.")
    )
    return Document(
        issuer=decider,
        doc_type=_("QUYẾT ĐỊNH"),
        type_code="QĐ",
        title_lines=[subject_line],
        year=today.year,
        authority=deciding_authority(deciding, today),
        bases=[
            *bases_on(today),
            _("Căn cứ %(plan)s về việc phát động phong trào thi đua “%(title)s”;")
            % {"plan": plan, "title": campaign.title},
            _("Theo đề nghị của %(head)s %(department)s tại Tờ trình %(number)s.")
            % {
                "head": department_head,
                "department": department.running_name,
                "number": submission.number_text,
            },
        ],
        body=[
            Paragraph(
                _(
                    "Tặng %(award_name)s cho %(who)s đã có thành tích xuất sắc trong phong trào thi đua "
                    "“%(title)s” (có danh sách kèm theo)."
                )
                % {
                    "award_name": award_type.name,
                    "who": who_words(collectives, individuals),
                    "title": campaign.title,
                },
                lead=_("Điều 1."),
            ),
            Paragraph(money_text, lead=_("Điều 2.")),
            Paragraph(
                _(
                    "Chánh Văn phòng %(body)s, %(head)s %(department)s, Giám đốc Sở Tài chính, Thủ "
                    "trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu "
                    "trách nhiệm thi hành Quyết định này./."
                )
                % {
                    "body": decider.running_name,
                    "head": department_head,
                    "department": department.running_name,
                },
                lead=_("Điều 3."),
            ),
        ],
        recipients=[_("Như Điều 3;"), _("Lưu: VT, NC.")],
        signatures=[signature_for(deciding, today, signer, in_own_name=True)],
        annexes=[
            Annex(
                _("DANH SÁCH"),
                _("Tập thể, cá nhân được tặng %(award_name)s") % {"award_name": award_type.name},
                _lists(listed, with_score=False),
            )
        ],
        draft=True,
    )
