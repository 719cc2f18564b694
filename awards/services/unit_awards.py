"""Giấy khen of a unit's head: the unit's own decisions and its own number for a round."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.bonus import bonus_rule
from awards.models import Award, Decision, UnitAwardPlan
from awards.services.common import require_perm
from awards.services.decisions import create_decision, decision_header, recipient_fields, refuse_used_number
from campaigns import roles
from campaigns.models import AwardType, Person, Unit
from criteria.models import Subject

GIAY_KHEN = "giay-khen"


@dataclass(frozen=True)
class UnitDecisionOutcome:
    decision: Decision
    warning: str = ""


def giay_khen_type() -> AwardType:
    award_type = AwardType.objects.filter(code=GIAY_KHEN).first()
    if award_type is None:
        raise ValidationError(
            _("Danh mục hình thức khen thưởng chưa có “Giấy khen” (mã giay-khen). Hãy báo Sở Nội vụ bổ sung.")
        )
    return award_type


def _own_unit(actor) -> Unit:
    require_perm(actor, "awards.issue_unit_awards")
    return roles.unit_of(actor)


def given_count(unit: Unit, round_) -> int:
    return Award.objects.filter(decision__issuing_unit=unit, round=round_).count()


@transaction.atomic
def set_unit_plan(*, actor, round, planned_count: int) -> UnitAwardPlan:
    """Set how many Giấy khen the head's unit plans for the round (plan V.3.b)."""
    unit = _own_unit(actor)
    if planned_count is None or planned_count < 0:
        raise ValidationError(_("Hãy nhập số lượng Giấy khen là một số không âm."))
    plan, _created = UnitAwardPlan.objects.update_or_create(
        unit=unit, round=round, defaults={"planned_count": planned_count, "set_by": actor}
    )
    return plan


@transaction.atomic
def record_unit_decision(
    *, actor, round, number: str, issued_on, signer_name: str, signer_title: str, people=(), units=()
) -> UnitDecisionOutcome:
    """Record the head's own Giấy khen decision for people of the unit and units below it."""
    unit = _own_unit(actor)
    # Serialise the unit's decisions so that the count and the number check see each other.
    Unit.objects.select_for_update().filter(pk=unit.pk).first()
    header = decision_header(
        number=number,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_title=signer_title,
        issuer=unit.name,
    )
    number = header["number"]
    people, units = list(people), list(units)
    if not people and not units:
        raise ValidationError(_("Hãy chọn ít nhất một cá nhân hoặc tập thể được tặng Giấy khen."))
    outside_people = [
        p
        for p in Person.objects.filter(pk__in=[p.pk for p in people]).select_related("unit")
        if not unit.contains(p.unit)
    ]
    outside_units = [
        u
        for u in Unit.objects.filter(pk__in=[u.pk for u in units])
        if not unit.contains(u) or u.pk == unit.pk
    ]
    if outside_people or outside_units:
        names = ", ".join([p.full_name for p in outside_people] + [u.name for u in outside_units])
        raise ValidationError(
            _(
                "Chỉ được tặng Giấy khen cho cá nhân của đơn vị mình và các đơn vị cấp dưới; "
                "không thuộc phạm vi: %(names)s. Hãy bỏ những tên đó ra."
            )
            % {"names": names}
        )
    award_type = giay_khen_type()
    refuse_used_number(number=number, issuing_unit=unit)
    subjects = {Subject.INDIVIDUAL} if people else set()
    subjects |= {Subject.COLLECTIVE} if units else set()
    rule = bonus_rule(award_type=award_type, day=issued_on, subjects=subjects)
    try:
        with transaction.atomic():
            people_rows = Person.objects.select_related("unit").filter(pk__in=[p.pk for p in people])
            recipients = [recipient_fields(Subject.INDIVIDUAL, person=p) for p in people_rows]
            recipients += [recipient_fields(Subject.COLLECTIVE, unit=u) for u in units]
            decision = create_decision(
                actor=actor,
                round_=round,
                award_type=award_type,
                rule=rule,
                awards=recipients,
                issuing_unit=unit,
                **header,
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("Số quyết định %(number)s vừa được dùng. Hãy kiểm tra lại số quyết định.") % {"number": number}
        ) from exc
    return UnitDecisionOutcome(decision=decision, warning=plan_warning(unit, round))


def plan_warning(unit: Unit, round_) -> str:
    """A warning when the unit has given more Giấy khen in the round than its head planned."""
    plan = UnitAwardPlan.objects.filter(unit=unit, round=round_).first()
    given = given_count(unit, round_)
    if plan is None:
        return _("Đơn vị chưa đặt số lượng Giấy khen cho đợt “%(round)s”; hãy đặt số lượng để theo dõi.") % {
            "round": round_
        }
    if given > plan.planned_count:
        return _(
            "Lưu ý: đơn vị đã tặng %(given)s Giấy khen trong đợt “%(round)s”, "
            "vượt số lượng đã đặt (%(planned)s)."
        ) % {"given": given, "round": round_, "planned": plan.planned_count}
    return ""
