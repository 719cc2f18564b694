"""Who issues a paper and who signs it, on the paper's date: from the units and the register of officials.

One place: every paper's header (`issuer_for`) and signature block (`signature_for`) come from here.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from campaigns.models import Unit
from documents.content import Issuer, Signature
from documents.models import Official

# A People's Committee heads its own level: its papers carry no parent-body line (ND 30, Phụ lục I).
SELF_HEADED = {Unit.Kind.PROVINCE, Unit.Kind.DISTRICT, Unit.Kind.COMMUNE}
# The words ND 30 lets a parent-body line abbreviate.
PARENT_ABBREVIATIONS = {"ỦY BAN NHÂN DÂN": "UBND", "HỘI ĐỒNG NHÂN DÂN": "HĐND"}


def _valid_on(unit: Unit, day: date) -> bool:
    return (unit.valid_from is None or unit.valid_from <= day) and (
        unit.valid_to is None or day <= unit.valid_to
    )


def issuing_unit(unit: Unit, day: date) -> Unit:
    """The unit that issues on `day`: the unit itself while it exists, else its successor valid then."""
    seen = set()
    while not _valid_on(unit, day):
        seen.add(unit.pk)
        later = [u for u in unit.successors.all() if u.pk not in seen]
        current = next((u for u in later if _valid_on(u, day)), None)
        if current is None and later:
            unit = later[0]
            continue
        if current is None:
            raise ValidationError(
                _(
                    "%(unit)s không còn hoạt động vào ngày %(day)s và chưa có đơn vị kế thừa: "
                    "hãy ghi đơn vị kế thừa."
                )
                % {"unit": unit.name, "day": day.strftime("%d/%m/%Y")}
            )
        unit = current
    return unit


def full_name(unit: Unit) -> str:
    return unit.official_name or unit.name


def _locality(unit: Unit) -> str:
    """The unit's own locality, else the nearest unit above it that has one (a Sở: the province's)."""
    if unit.locality:
        return unit.locality
    above = Unit.objects.filter(pk__in=unit.ancestor_ids).exclude(locality="").order_by("-path").first()
    if above is not None:
        return above.locality
    raise ValidationError(
        _("Chưa có địa danh ghi trên văn bản của %(unit)s: hãy ghi địa danh trong danh mục đơn vị.")
        % {"unit": full_name(unit)}
    )


def parent_line(unit: Unit) -> str:
    """'UBND TỈNH HƯNG YÊN' above a department; nothing above a People's Committee."""
    if unit.kind in SELF_HEADED or unit.parent is None:
        return ""
    return abbreviated(full_name(unit.parent).upper())


def abbreviated(line: str) -> str:
    """A parent-body line as ND 30 lets it be shortened: 'ỦY BAN NHÂN DÂN TỈNH …' → 'UBND TỈNH …'."""
    for words, short in PARENT_ABBREVIATIONS.items():
        line = line.replace(words, short)
    return line


def issuer_for(unit: Unit, day: date) -> Issuer:
    """The header of a paper `unit` issues on `day` (its successor's once it has been dissolved)."""
    unit = issuing_unit(unit, day)
    if not unit.abbreviation:
        raise ValidationError(
            _(
                "Chưa có chữ viết tắt trên số văn bản của %(unit)s (ví dụ SNV, UBND): "
                "hãy ghi trong danh mục đơn vị."
            )
            % {"unit": full_name(unit)}
        )
    return Issuer(
        name=full_name(unit).upper(),
        parent=parent_line(unit),
        abbreviation=unit.abbreviation,
        locality=_locality(unit),
        running_name=full_name(unit),
    )


def signature_of(official: Official, *, in_own_name: bool = False) -> Signature:
    """'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC'; an acting head signs 'Q. GIÁM ĐỐC' alone; a head, the title alone.

    `in_own_name`: the paper is the head's own act (a decision headed "CHỦ TỊCH ỦY BAN NHÂN DÂN …"), so a
    head who signs the committee's papers "TM. ỦY BAN NHÂN DÂN" signs it with the title alone.
    """
    title = official.title.upper()
    if not official.authority or (in_own_name and official.authority == Official.Authority.ON_BEHALF):
        return Signature(title=title, name=official.full_name)
    authority = f"{official.authority} {official.on_behalf_of.upper()}"
    if official.authority == Official.Authority.ACTING:
        return Signature(title="", authority=authority, name=official.full_name)
    return Signature(title=title, authority=authority, name=official.full_name)


# Who may chair a body's meeting and sign its minutes: the head, or the one who stands in for them (a
# deputy signing KT., an acting head Q.) — not those who sign by order or by delegation (TL., TUQ.).
CHAIR_FORMS = {
    Official.Authority.OWN,
    Official.Authority.ON_BEHALF,
    Official.Authority.DEPUTY,
    Official.Authority.ACTING,
}


def signers(unit: Unit, day: date, *, chairing: bool = False) -> list[Official]:
    """The officials who may sign for the issuing unit on `day`, the default first (`chairing`: only those
    who may chair, CHAIR_FORMS)."""
    unit = issuing_unit(unit, day)
    return [
        o
        for o in Official.objects.filter(unit=unit)
        if o.holds_on(day) and (not chairing or o.authority in CHAIR_FORMS)
    ]


def default_signer(unit: Unit | None, day: date) -> Official | None:
    """The unit's default signer on `day` (what a decision form proposes), or None."""
    if unit is None:
        return None
    try:
        return next((o for o in signers(unit, day) if o.is_default), None)
    except ValidationError:
        return None


def decision_signers(unit: Unit | None, day: date) -> list[tuple[Official, str]]:
    """What a decision form offers for its signer: the officials who may sign for `unit` on `day`, each
    with the block the decision prints (the head's own act); none for a unit that does not issue then."""
    if unit is None:
        return []
    try:
        officials = signers(unit, day)
    except ValidationError:
        return []
    return [(o, signature_of(o, in_own_name=True).one_line) for o in officials]


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def signer_on(
    unit: Unit, day: date, official: Official | int | None = None, *, chairing: bool = False
) -> Official:
    """Who signs the paper `unit` issues on `day`: `official` (or the official of that id) when the
    register lets them sign it then, else — none chosen — the unit's default. Anything else is refused
    with the sentence that says what to do: one check for the request forms and for the builders."""
    available = signers(unit, day, chairing=chairing)
    if official is not None:
        chosen_id = official.pk if isinstance(official, Official) else official
        chosen = next((o for o in available if o.pk == chosen_id), None)
        if chosen is None:
            raise ValidationError(
                _(
                    "Người ký đã chọn không có tên trong sổ người ký văn bản của %(unit)s vào ngày "
                    "%(day)s: hãy chọn lại trong danh sách “Người ký”."
                )
                % {"unit": full_name(issuing_unit(unit, day)), "day": _day(day)}
            )
        return chosen
    chosen = next((o for o in available if o.is_default), None)
    if chosen is None:
        raise ValidationError(
            _(
                "Chưa có người ký mặc định của %(unit)s vào ngày %(day)s: hãy thêm vào sổ người ký văn bản "
                "(trang “Người ký văn bản”)."
            )
            % {"unit": full_name(issuing_unit(unit, day)), "day": _day(day)}
        )
    return chosen


def signature_for(
    unit: Unit, day: date, official: Official | int | None = None, *, in_own_name: bool = False
) -> Signature:
    """The signature block of a paper `unit` issues on `day`: the chosen official (an Official or its
    id), or the unit's default (`in_own_name`: see signature_of)."""
    return signature_of(signer_on(unit, day, official), in_own_name=in_own_name)


def deciding_authority(unit: Unit, day: date) -> str:
    """The centred line of a decision: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN' — the head's title (a
    deputy signs KT. for the head, so the decision is still the head's) and the body's full name."""
    return f"{head_title(unit, day)} {full_name(issuing_unit(unit, day))}".upper()


def head_title(unit: Unit, day: date) -> str:
    """The title of the unit's head on `day` ("Chủ tịch", "Giám đốc"): the default signer's, or the one
    a deputy signs for."""
    default = signer_on(unit, day)  # the default, or the sentence that says what to add
    return default.on_behalf_of if default.authority == Official.Authority.DEPUTY else default.title


def campaign_unit(campaign, role: str) -> Unit:
    """The campaign's deciding body (`role="deciding"`) or appraising department (`"appraising"`)."""
    unit = campaign.deciding_unit if role == "deciding" else campaign.appraising_unit
    if unit is None:
        which = _("cơ quan quyết định khen thưởng") if role == "deciding" else _("cơ quan thẩm định, báo cáo")
        raise ValidationError(
            _("Kế hoạch %(number)s chưa chọn %(which)s: hãy chọn ở trang “Cơ quan ban hành và người ký”.")
            % {"number": campaign.number, "which": which}
        )
    return unit
