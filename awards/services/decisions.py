"""The Chairman's award decision: the proposal after the council's vote, with each awardee's bonus."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.bonus import bonus_rule
from awards.models import Award, CouncilResult, CouncilSession, Decision
from awards.services.common import free_slots, lock_round, quota_of, require_perm
from campaigns.models import AwardRound
from campaigns.text import normalize
from criteria.models import Subject
from documents.issuers import full_name
from nominations.models import Nomination, State, dossier_code
from nominations.services import workflow


def refuse_used_number(*, number: str, issuer: str = "", issuing_unit=None) -> None:
    """A decision number is used once per issuer."""
    taken = Decision.objects.filter(number__iexact=number)
    taken = (
        taken.filter(issuing_unit=issuing_unit)
        if issuing_unit
        else taken.filter(issuing_unit__isnull=True, issuer=issuer)
    )
    if taken.exists():
        raise ValidationError(
            _(
                "Số quyết định %(number)s đã được %(issuer)s dùng cho một quyết định khác. "
                "Hãy kiểm tra lại số."
            )
            % {"number": number, "issuer": issuing_unit.name if issuing_unit else issuer}
        )


def decision_header(*, number, issued_on, signer_name, signer_title, issuer) -> dict:
    """A decision's number, date, signer and issuer as they are written, every one of them given."""
    number, signer_name, signer_title = normalize(number), normalize(signer_name), normalize(signer_title)
    if not (number and issued_on and signer_name and signer_title and issuer):
        raise ValidationError(
            _("Hãy nhập đủ số, ngày quyết định, cơ quan ban hành, họ tên và chức vụ người ký.")
        )
    return {
        "number": number,
        "issued_on": issued_on,
        "signer_name": signer_name,
        "signer_title": signer_title,
        "issuer": issuer,
    }


def recipient_fields(nominee_subject: str, person=None, unit=None) -> dict:
    """Names frozen on the award as they are on the decision date, written in full (documents.issuers)."""
    if nominee_subject == Subject.INDIVIDUAL:
        return {
            "subject": Subject.INDIVIDUAL,
            "person": person,
            "recipient_name": person.full_name,
            "recipient_position": person.position,
            "unit_name": full_name(person.unit),
            "leadership_level": person.leadership_level,
            "direct_worker": person.is_direct_worker,
        }
    # A collective is named on the decision by its full official name, never "UBND xã …".
    return {
        "subject": Subject.COLLECTIVE,
        "unit": unit,
        "recipient_name": full_name(unit),
        "unit_name": full_name(unit),
    }


def create_decision(*, actor, round_, award_type, rule, awards: list[dict], **header) -> Decision:
    """Write a decision (`header`: its issuer, number, date and signer) and one award for each of `awards`
    (the recipient's frozen names; for the province's, the dossier and its slot), the bonus by `rule`.
    The caller turns the IntegrityError of a number or a slot just taken into its own sentence."""
    decision = Decision.objects.create(
        round=round_, award_type=award_type, base_salary=rule.base_salary, created_by=actor, **header
    )
    for fields in awards:
        Award.objects.create(
            decision=decision,
            round=round_,
            award_type=award_type,
            bonus_multiple=rule.multiples[fields["subject"]],
            bonus_amount=rule.amount(fields["subject"]),
            **fields,
        )
    return decision


@transaction.atomic
def record_decision(
    *,
    actor,
    round,
    award_type,
    number: str,
    issued_on,
    signer_name: str,
    signer_title: str,
    issuer: str,
    awardees=None,
) -> Decision:
    """Record the Chairman's decision; its dossiers become awarded or not awarded, audited."""
    require_perm(actor, "awards.record_decision", round)
    header = decision_header(
        number=number,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_title=signer_title,
        issuer=normalize(issuer),
    )
    number, issuer = header["number"], header["issuer"]
    round_ = lock_round(round)
    refuse_used_number(number=number, issuer=issuer)
    session = CouncilSession.objects.filter(round=round_).first()
    if session is None or session.is_open:
        raise ValidationError(
            _(
                "Hội đồng chưa kết thúc biểu quyết đợt “%(round)s”. "
                "Hãy đóng phiên họp trước khi ghi nhận quyết định."
            )
            % {"round": round_}
        )
    proposed = {
        n.pk: n
        for n in Nomination.objects.select_related("nominee_person__unit", "nominee_unit").filter(
            round=round_, award_type=award_type, state=State.PROPOSED
        )
    }
    if not proposed:
        raise ValidationError(
            _("Đợt “%(round)s” không còn hồ sơ “%(award)s” nào đang chờ quyết định.")
            % {"round": round_, "award": award_type.short_name}
        )
    passed = set(
        CouncilResult.objects.filter(session=session, passed=True, nomination_id__in=proposed).values_list(
            "nomination_id", flat=True
        )
    )
    chosen_ids = [n.pk for n in awardees] if awardees is not None else sorted(passed)
    for nomination_id in chosen_ids:
        if nomination_id not in proposed:
            row = Nomination.objects.filter(pk=nomination_id).first()
            raise ValidationError(
                _(
                    "Hồ sơ %(code)s (%(name)s) chưa được đề nghị khen thưởng “%(award)s” trong đợt này "
                    "nên không thể đưa vào quyết định. Hãy bỏ hồ sơ đó ra."
                )
                % {
                    "code": dossier_code(nomination_id),
                    "name": row.nominee_name if row else "",
                    "award": award_type.short_name,
                }
            )
        if nomination_id not in passed:
            raise ValidationError(
                _("Hồ sơ %(code)s (%(name)s) không được Hội đồng thông qua nên không thể đưa vào quyết định.")
                % {"code": proposed[nomination_id].code, "name": proposed[nomination_id].nominee_name}
            )
    chosen = [proposed[i] for i in chosen_ids]
    rule = bonus_rule(award_type=award_type, day=issued_on, subjects={n.subject for n in chosen})
    max_slots = quota_of(round_, award_type)
    used = list(Award.objects.filter(round=round_, award_type=award_type).values_list("slot", flat=True))
    if len(used) + len(chosen) > max_slots:
        raise ValidationError(
            _(
                "Vượt chỉ tiêu: đợt “%(round)s” chỉ được khen thưởng tối đa %(max)s %(award)s; "
                "đã khen %(used)s."
            )
            % {"round": round_, "max": max_slots, "award": award_type.short_name, "used": len(used)}
        )
    awards = [
        {
            "nomination": nomination,
            "slot": slot,
            "max_slots": max_slots,
            **recipient_fields(nomination.subject, nomination.nominee_person, nomination.nominee_unit),
        }
        for slot, nomination in zip(free_slots(used, max_slots, len(chosen)), chosen, strict=True)
    ]
    try:
        with transaction.atomic():
            decision = create_decision(
                actor=actor, round_=round_, award_type=award_type, rule=rule, awards=awards, **header
            )
    except IntegrityError as exc:
        raise ValidationError(
            _(
                "Không ghi được quyết định vì số quyết định hoặc chỉ tiêu vừa bị dùng. "
                "Hãy tải lại trang và thử lại."
            )
        ) from exc
    note = _("Quyết định số %(number)s ngày %(day)s của %(issuer)s.") % {
        "number": number,
        "day": issued_on.strftime("%d/%m/%Y"),
        "issuer": issuer,
    }
    for nomination in chosen:
        workflow.mark_awarded(actor=actor, nomination=nomination, comment=note)
    for nomination_id, nomination in proposed.items():
        if nomination_id not in chosen_ids:
            workflow.mark_not_awarded(actor=actor, nomination=nomination, comment=note)
    if round_.decided_on is None or round_.decided_on < issued_on:
        AwardRound.objects.filter(pk=round_.pk).update(decided_on=issued_on)
    return decision
