"""The papers of the awards: a recorded decision as issued (its list and bonuses) and the council's minutes.

Both are documents.Document papers: the PDF and the Word file come from documents.pdf and documents.docx.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import Award, CouncilResult, CouncilSession, Decision, VoteChoice
from campaigns.models import Person
from campaigns.roles import display_name
from criteria.models import Subject
from documents.bases import bases_on
from documents.content import Annex, Document, Heading, Issuer, Paragraph, Signature, Table, place_date, roman
from documents.issuers import (
    SELF_HEADED,
    abbreviated,
    campaign_unit,
    deciding_authority,
    full_name,
    head_title,
    issuer_for,
    parent_line,
    signature_of,
    signer_on,
)
from documents.models import Official


def money(value) -> str:
    return f"{int(value):,}".replace(",", ".")


def who_words(collectives: int, individuals: int) -> str:
    """'3 tập thể và 4 cá nhân', or only the side there is."""
    parts = []
    if collectives:
        parts.append(_("%(n)s tập thể") % {"n": collectives})
    if individuals:
        parts.append(_("%(n)s cá nhân") % {"n": individuals})
    return _(" và ").join(parts)


def addressed(name: str, gender: str | None) -> str:
    """'Ông Nguyễn Văn An', 'Bà Nguyễn Thị Hoa'."""
    return f"{_('Bà') if gender == Person.Gender.FEMALE else _('Ông')} {name}"


def issuing_unit_of(decision: Decision):
    """The unit whose paper the decision is: the unit head's own (Giấy khen), else the deciding body."""
    return decision.issuing_unit or campaign_unit(decision.round.campaign, "deciding")


def decision_signature(decision: Decision, unit) -> Signature:
    """The block of the official who signed, from the register when they are on it (authority form and all),
    else the name and title recorded with the decision."""
    official = next(
        (
            o
            for o in Official.objects.filter(unit=unit, full_name=decision.signer_name)
            if o.holds_on(decision.issued_on)
        ),
        None,
    )
    if official is not None:
        return signature_of(official, in_own_name=True)
    return Signature(title=decision.signer_title.upper(), name=decision.signer_name)


def award_lists(awards: list[Award], *, bonus: bool) -> list:
    """'I. Tập thể (03)' and its table, 'II. Cá nhân (04)' and its table — with each one's bonus."""
    groups = [
        (Subject.COLLECTIVE, _("Tập thể"), [a for a in awards if a.subject == Subject.COLLECTIVE]),
        (Subject.INDIVIDUAL, _("Cá nhân"), [a for a in awards if a.subject == Subject.INDIVIDUAL]),
    ]
    blocks = []
    for i, (subject, label, group) in enumerate([g for g in groups if g[2]], 1):
        blocks.append(Heading(f"{label} ({len(group):02d})", numeral=roman(i)))
        if subject == Subject.COLLECTIVE:
            columns, widths = [_("STT"), _("Tên tập thể")], [8, 92]
            rows = [[k, a.recipient_name] for k, a in enumerate(group, 1)]
        else:
            columns, widths = [_("STT"), _("Họ và tên"), _("Chức vụ, đơn vị công tác")], [8, 34, 58]
            rows = [
                [
                    k,
                    addressed(a.recipient_name, a.person.gender if a.person_id else None),
                    ", ".join(p for p in (a.recipient_position, a.unit_name) if p),
                ]
                for k, a in enumerate(group, 1)
            ]
        if bonus:
            columns.append(_("Tiền thưởng (đồng)"))
            widths = [widths[0], *[w - 16 // (len(widths) - 1) for w in widths[1:]], 16]
            for row, a in zip(rows, group, strict=True):
                row.append(a.bonus_amount)
        key = "tap-the" if subject == Subject.COLLECTIVE else "ca-nhan"
        blocks.append(Table(key, label, columns, rows, widths=widths, caption=False))
    return blocks


def decision_paper(decision: Decision) -> Document:
    """The decision as it was issued: its number and date, grounds in force then, articles, list, bonuses."""
    awards = list(decision.awards.select_related("person").order_by("subject", "pk"))
    if not awards:
        raise ValidationError(_("Quyết định chưa có người được khen thưởng: hãy ghi danh sách trước khi in."))
    day = decision.issued_on
    campaign = decision.round.campaign
    unit = issuing_unit_of(decision)
    issuer = issuer_for(unit, day)
    collectives = sum(a.subject == Subject.COLLECTIVE for a in awards)
    who = who_words(collectives, len(awards) - collectives)
    total = sum(a.bonus_amount for a in awards)
    topics = None if unit.kind in SELF_HEADED else ("emulation-law", "emulation-decree")
    bases = [
        *bases_on(day, topics=topics),
        _(
            "Căn cứ Kế hoạch số %(number)s ngày %(issued_on)s của %(issuer)s về việc phát động phong trào "
            "thi đua “%(title)s”;"
        )
        % {
            "number": campaign.number,
            "issued_on": f"{campaign.issued_on:%d/%m/%Y}",
            "issuer": campaign.issuer,
            "title": campaign.title,
        },
    ]
    if decision.issuing_unit_id is None:
        department = campaign_unit(campaign, "appraising")
        bases.append(
            _("Theo đề nghị của %(head)s %(department)s.")
            % {"head": head_title(department, day), "department": issuer_for(department, day).running_name}
        )
    executors = (
        _(
            "Chánh Văn phòng %(body)s, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân "
            "có tên "
            "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
        )
        % {"body": issuer.running_name}
        if decision.issuing_unit_id is None
        else _(
            "Các bộ phận có liên quan của %(body)s và các tập thể, cá nhân có tên tại Điều 1 chịu trách "
            "nhiệm "
            "thi hành Quyết định này./."
        )
        % {"body": issuer.running_name}
    )
    return Document(
        issuer=issuer,
        doc_type=_("QUYẾT ĐỊNH"),
        type_code="QĐ",
        number=decision.number,
        day=day,
        title_lines=[
            _(
                "Về việc tặng %(award_name)s cho các tập thể, cá nhân có thành tích xuất sắc trong phong "
                "trào "
                "thi đua “%(title)s”"
            )
            % {"award_name": decision.award_type.name, "title": campaign.title}
        ],
        authority=deciding_authority(unit, day),
        bases=bases,
        body=[
            Paragraph(
                _(
                    "Tặng %(award_name)s cho %(who)s đã có thành tích xuất sắc trong phong trào thi đua "
                    "“%(title)s” (có danh sách kèm theo)."
                )
                % {"award_name": decision.award_type.name, "who": who, "title": campaign.title},
                lead=_("Điều 1."),
            ),
            Paragraph(
                _(
                    "Kèm theo %(short)s là tiền thưởng theo quy định (mức lương cơ sở %(salary)s đồng); "
                    "tổng số tiền "
                    "thưởng là %(total)s đồng."
                )
                % {
                    "short": decision.award_type.short_name,
                    "salary": money(decision.base_salary),
                    "total": money(total),
                },
                lead=_("Điều 2."),
            ),
            Paragraph(executors, lead=_("Điều 3.")),
        ],
        recipients=[_("Như Điều 3;"), _("Lưu: VT.")],
        signatures=[decision_signature(decision, unit)],
        annexes=[
            Annex(
                _("DANH SÁCH"),
                _("Tập thể, cá nhân được tặng %(award_name)s") % {"award_name": decision.award_type.name},
                award_lists(awards, bonus=True),
            )
        ],
    )


def council_issuer(round_) -> Issuer:
    """The council's header, under the deciding body: UBND TỈNH HƯNG YÊN / HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG."""
    deciding = campaign_unit(round_.campaign, "deciding")
    day = timezone.localdate()
    body = issuer_for(deciding, day)
    return Issuer(
        name=_("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"),
        parent=parent_line(deciding) or abbreviated(body.name),
        abbreviation=_("HĐTĐKT"),
        locality=body.locality,
        running_name=_("Hội đồng Thi đua – Khen thưởng"),
    )


OUTCOMES = {True: _("Thông qua"), False: _("Không thông qua")}


def chair_signature(official: Official) -> Signature:
    """The chair's block of the council's minutes: the deciding body's head as 'CHỦ TỊCH HỘI ĐỒNG', a deputy
    as 'KT. CHỦ TỊCH HỘI ĐỒNG / PHÓ CHỦ TỊCH HỘI ĐỒNG', an acting head as 'Q. CHỦ TỊCH HỘI ĐỒNG' — their own
    block (signature_of) with the council named after the authority and the title."""
    block = signature_of(official, in_own_name=True)
    council = _("HỘI ĐỒNG")
    return Signature(
        authority=f"{block.authority} {council}" if block.authority else "",
        title=f"{block.title} {council}" if block.title else "",
        name=block.name,
    )


def council_minutes(session: CouncilSession, chair: Official | int | None = None) -> Document:
    """The minutes of the council's meeting: members present, each dossier's tally and the result; signed by
    the secretary and by `chair` (an official of the deciding body who may chair, else its default)."""
    if session.closed_at is None:
        raise ValidationError(
            _("Phiên họp của Hội đồng chưa kết thúc: hãy kết thúc phiên họp rồi lập biên bản.")
        )
    round_ = session.round
    opened = timezone.localtime(session.opened_at)
    closed = timezone.localtime(session.closed_at)
    members = list(session.seats.select_related("member").order_by("pk"))
    voted = set(session.votes.values_list("member_id", flat=True).distinct())
    results = list(
        CouncilResult.objects.filter(session=session)
        .select_related("nomination__nominee_unit", "nomination__nominee_person", "nomination__award_type")
        .order_by("-passed", "nomination__subject", "pk")
    )
    passed = [r for r in results if r.passed]
    collectives = sum(r.nomination.subject == Subject.COLLECTIVE for r in passed)
    issuer = council_issuer(round_)
    tally_rows = [
        [
            k,
            full_name(r.nomination.nominee_unit)
            if r.nomination.subject == Subject.COLLECTIVE
            else r.nomination.nominee_person.full_name,
            r.nomination.award_type.short_name,
            r.agree,
            r.disagree,
            r.abstain,
            OUTCOMES[r.passed],
        ]
        for k, r in enumerate(results, 1)
    ]
    deciding = campaign_unit(round_.campaign, "deciding")
    chair_official = signer_on(deciding, closed.date(), chair, chairing=True)
    chairing = chair_signature(chair_official)
    secretary = session.closed_by
    # Who led the meeting and who kept its minutes, as a biên bản names them before the members.
    led_by = [
        Paragraph(
            _("%(name)s, %(title)s %(unit)s.")
            % {
                "name": chair_official.full_name,
                "title": chair_official.title,
                "unit": issuer_for(deciding, closed.date()).running_name,
            },
            lead=_("Chủ trì:"),
        ),
        Paragraph(f"{display_name(secretary)}." if secretary else _("(chưa ghi)."), lead=_("Thư ký:")),
    ]
    return Document(
        issuer=issuer,
        doc_type=_("BIÊN BẢN"),
        type_code="BB",
        day=closed.date(),
        title_lines=[
            _("Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng đợt “%(round)s”") % {"round": round_.name}
        ],
        body=[
            Paragraph(
                _(
                    "Hồi %(hour)s giờ %(minute)s phút ngày %(day)s, Hội đồng Thi đua – Khen thưởng họp xét "
                    "đề nghị khen "
                    "thưởng đợt “%(round)s” của phong trào thi đua “%(title)s”."
                )
                % {
                    "hour": f"{opened:%H}",
                    "minute": f"{opened:%M}",
                    "day": f"{opened:%d/%m/%Y}",
                    "round": round_.name,
                    "title": round_.campaign.title,
                }
            ),
            Heading(_("Thành phần"), numeral=roman(1)),
            *led_by,
            Paragraph(
                _("Hội đồng có %(members)s thành viên; %(present)s thành viên có mặt và biểu quyết:")
                % {"members": len(members), "present": len([s for s in members if s.member_id in voted])}
            ),
            Table(
                "thanh-vien",
                _("Thành viên Hội đồng"),
                [_("STT"), _("Họ và tên"), _("Biểu quyết")],
                [
                    [k, display_name(s.member), _("Có mặt") if s.member_id in voted else _("Vắng mặt")]
                    for k, s in enumerate(members, 1)
                ],
                widths=[8, 62, 30],
                caption=False,
            ),
            Heading(_("Nội dung"), numeral=roman(2)),
            Paragraph(
                _(
                    "Hội đồng xem xét %(count)s hồ sơ trong danh sách đề nghị khen thưởng của đợt và biểu "
                    "quyết "
                    "từng hồ sơ. Hồ sơ được thông qua khi số thành viên đồng ý vượt %(ratio)s%% tổng số "
                    "thành "
                    "viên Hội đồng. Kết quả biểu quyết:"
                )
                % {"count": len(results), "ratio": f"{float(session.pass_ratio) * 100:g}".replace(".", ",")}
            ),
            Table(
                "bieu-quyet",
                _("Kết quả biểu quyết"),
                [
                    _("STT"),
                    _("Tập thể, cá nhân"),
                    _("Hình thức"),
                    str(VoteChoice.AGREE.label),
                    str(VoteChoice.DISAGREE.label),
                    str(VoteChoice.ABSTAIN.label),
                    _("Kết quả"),
                ],
                tally_rows,
                widths=[7, 33, 13, 11, 12, 12, 12],
                caption=False,
            ),
            Heading(_("Kết luận"), numeral=roman(3)),
            Paragraph(
                _(
                    "Hội đồng thống nhất đề nghị khen thưởng %(who)s; %(refused)s hồ sơ không được thông "
                    "qua. "
                    "Phiên họp kết thúc hồi %(hour)s giờ %(minute)s phút ngày %(day)s."
                )
                % {
                    "who": who_words(collectives, len(passed) - collectives)
                    or _("không tập thể, cá nhân nào"),
                    "refused": len(results) - len(passed),
                    "hour": f"{closed:%H}",
                    "minute": f"{closed:%M}",
                    "day": f"{closed:%d/%m/%Y}",
                }
            ),
        ],
        signatures=[
            Signature(title=_("THƯ KÝ"), name=display_name(secretary) if secretary else ""),
            chairing,
        ],
    )


def certificate_face(decision: Decision) -> dict:
    """What every certificate of a decision prints besides its recipient: the authority that awards it
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", once), the award, the place and date of the issuer, the
    decision's number and the signature block."""
    unit = issuing_unit_of(decision)
    day = decision.issued_on
    issuer = issuer_for(unit, day)
    return {
        "authority": deciding_authority(unit, day),
        "award": decision.award_type.short_name.upper(),
        "place_date": place_date(issuer.locality, day),
        "number": _("Quyết định số %(number)s ngày %(day)s")
        % {"number": decision.number, "day": f"{day:%d/%m/%Y}"},
        "signature": decision_signature(decision, unit),
        "reason": _("Đã có thành tích xuất sắc trong phong trào thi đua “%(title)s” (%(round)s).")
        % {"title": decision.round.campaign.title, "round": decision.round.name},
    }


# Longer names print smaller so that the longest in the data stays on two lines inside the frame.
NAME_SIZES = [(34, 28), (52, 22), (80, 18)]


def certificate_recipient(award: Award) -> dict:
    """The recipient's lines: 'Ông Nguyễn Văn An' / 'Chủ tịch, Ủy ban nhân dân xã …', or the collective's
    full name; with the point size its length allows."""
    if award.subject == Subject.INDIVIDUAL:
        name = addressed(award.recipient_name, award.person.gender if award.person_id else None)
        detail = ", ".join(p for p in (award.recipient_position, award.unit_name) if p)
    else:
        name, detail = award.recipient_name, ""
    size = next((pt for limit, pt in NAME_SIZES if len(name) <= limit), NAME_SIZES[-1][1] - 2)
    return {"name": name, "detail": detail, "name_pt": size}
