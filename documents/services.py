"""The register of signers and the campaign's issuing bodies: the only writers of Official rows and of
a campaign's deciding and appraising units. Every refusal is a Vietnamese sentence that says what to do."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Unit
from documents.models import Official


def _may_manage(actor, unit: Unit) -> None:
    if not actor.has_perm("documents.manage_signers", unit):
        raise PermissionDenied(_("Bạn chỉ được ghi người ký văn bản của đơn vị mình."))


@transaction.atomic
def add_official(
    *,
    actor,
    unit: Unit,
    full_name: str,
    title: str,
    valid_from: date,
    authority: str = "",
    on_behalf_of: str = "",
    valid_to: date | None = None,
    is_default: bool = False,
) -> Official:
    """Add an official who signs for `unit`; a new default ends no one's term but takes the default over
    for the days both hold it, so that each day has one default signer."""
    _may_manage(actor, unit)
    full_name, title, on_behalf_of = (" ".join(v.split()) for v in (full_name, title, on_behalf_of))
    if not full_name or not title:
        raise ValidationError(_("Hãy ghi đầy đủ họ và tên, chức vụ của người ký."))
    if authority not in Official.Authority.values:
        raise ValidationError(
            _("Thẩm quyền ký không hợp lệ: hãy chọn trong danh sách (TM., KT., Q., TL., TUQ.).")
        )
    if authority and not on_behalf_of:
        raise ValidationError(
            {
                "on_behalf_of": _(
                    "Thẩm quyền %(form)s phải ghi rõ ký cho ai (ví dụ: Giám đốc, Ủy ban nhân dân)."
                )
                % {"form": authority}
            }
        )
    if valid_to is not None and valid_to < valid_from:
        raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu ký.")})
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    if is_default:
        overlapping = [
            o
            for o in Official.objects.filter(unit=unit, is_default=True)
            if (o.valid_to is None or o.valid_to >= valid_from)
            and (valid_to is None or o.valid_from <= valid_to)
        ]
        if overlapping:
            raise ValidationError(
                _(
                    "%(name)s đang là người ký mặc định của đơn vị trong thời gian này: hãy ghi ngày kết "
                    "thúc cho người đó trước, rồi thêm người ký mặc định mới."
                )
                % {"name": overlapping[0].full_name}
            )
    official = Official(
        unit=unit,
        full_name=full_name,
        title=title,
        authority=authority,
        on_behalf_of=on_behalf_of if authority else "",
        valid_from=valid_from,
        valid_to=valid_to,
        is_default=is_default,
    )
    official.full_clean()
    official.save()
    return official


@transaction.atomic
def end_official(*, actor, official: Official, valid_to: date) -> Official:
    """End an official's authority on `valid_to` (the last day they sign); history stays in the register."""
    official = Official.objects.select_for_update().select_related("unit").get(pk=official.pk)
    _may_manage(actor, official.unit)
    if valid_to < official.valid_from:
        raise ValidationError(
            _("Ngày kết thúc không được trước ngày bắt đầu ký (%(day)s).")
            % {"day": official.valid_from.strftime("%d/%m/%Y")}
        )
    if official.valid_to is not None and official.valid_to <= valid_to:
        raise ValidationError(
            _("%(name)s đã thôi ký từ sau ngày %(day)s.")
            % {"name": official.full_name, "day": official.valid_to.strftime("%d/%m/%Y")}
        )
    official.valid_to = valid_to
    official.save(update_fields=["valid_to"])
    return official


@transaction.atomic
def set_issuing_units(*, actor, campaign: Campaign, deciding: Unit, appraising: Unit) -> Campaign:
    """Name the body that decides the campaign's province-level awards and the department that appraises
    and reports; the papers take their headers and signers from these units."""
    if not actor.has_perm("documents.set_issuers"):
        raise PermissionDenied(_("Chỉ lãnh đạo Sở Nội vụ được chọn cơ quan ban hành văn bản của kế hoạch."))
    if deciding.kind != Unit.Kind.PROVINCE:
        raise ValidationError(
            {"deciding": _("Cơ quan quyết định khen thưởng cấp tỉnh phải là Ủy ban nhân dân tỉnh.")}
        )
    if appraising.kind != Unit.Kind.PROVINCIAL_AGENCY:
        raise ValidationError(
            {"appraising": _("Cơ quan thẩm định, báo cáo phải là một sở, ban, ngành của tỉnh (Sở Nội vụ).")}
        )
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    campaign.deciding_unit, campaign.appraising_unit = deciding, appraising
    campaign.save(update_fields=["deciding_unit", "appraising_unit"])
    return campaign
