"""The Chairman's decisions: recording one after the council, listing and reading them."""

from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards import services
from awards.bonus import bonus_rule_if_known
from awards.forms import ProvinceDecisionForm
from awards.models import CouncilResult, Decision
from campaigns.models import AwardRound, AwardType
from documents.issuers import decision_signers, default_signer, full_name
from nominations.models import Nomination, State
from portal.web import paginate, permission_required, submit_form, visible_or_404


@permission_required("awards.record_decision")
def decision_create(request, round_id: int):
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=round_id)
    award_type = get_object_or_404(AwardType, code=request.GET.get("award_type") or "bang-khen-chu-tich")
    candidates = Nomination.objects.filter(round=round_, award_type=award_type).exclude(
        state__in=[State.DRAFT, State.WITHDRAWN]
    )
    proposed = candidates.filter(state=State.PROPOSED).select_related("nominee_person__unit", "nominee_unit")
    passed = set(
        CouncilResult.objects.filter(session__round=round_, passed=True).values_list(
            "nomination_id", flat=True
        )
    )
    campaign = round_.campaign
    # Proposed from the register of signers on today's date, never the plan's signer of 2024.
    signer = default_signer(campaign.deciding_unit, timezone.localdate())
    form = ProvinceDecisionForm(
        request.POST or None,
        nominations=candidates,
        initial={
            "issuer": full_name(campaign.deciding_unit) if campaign.deciding_unit else campaign.issuer,
            "signer_name": signer.full_name if signer else "",
            "signer_title": signer.title if signer else "",
            "awardees": [n.pk for n in proposed if n.pk in passed],
        },
    )
    done, decision = submit_form(
        request,
        form,
        services.record_decision,
        success=lambda decision: _("Đã ghi nhận quyết định số %(n)s.") % {"n": decision.number},
        values=lambda data: {**data, "awardees": list(data["awardees"])},
        round=round_,
        award_type=award_type,
    )
    if done:
        return redirect("awards:decision_detail", decision.pk)
    rows = [{"nomination": n, "passed": n.pk in passed} for n in proposed]
    return render(
        request,
        "awards/decision_form.html",
        {
            "form": form,
            "round": round_,
            "award_type": award_type,
            "rows": rows,
            "register_signers": decision_signers(campaign.deciding_unit, timezone.localdate()),
            "breadcrumbs": [
                (_("Hội đồng Thi đua – Khen thưởng"), reverse("awards:council_home")),
                (round_.name, reverse("awards:council_round", args=[round_.pk])),
                (_("Ghi nhận quyết định"), None),
            ],
        },
    )


@permission_required("awards.view_province_decisions")
def decision_list(request):
    decisions = (
        Decision.objects.filter(issuing_unit__isnull=True)
        .select_related("round__campaign", "award_type")
        .annotate(n_awards=Count("awards"), total=Sum("awards__bonus_amount"))
        .order_by("-issued_on", "-pk")
    )
    return render(
        request,
        "awards/decision_list.html",
        {"decisions": paginate(request, decisions, 25), "breadcrumbs": [(_("Quyết định khen thưởng"), None)]},
    )


def visible_decision(request, decision_id: int) -> Decision:
    """The decision if the user may see it; 404 otherwise (another unit's decision is not shown to exist)."""
    return visible_or_404(
        request,
        "awards.view_decision",
        Decision.objects.select_related("round__campaign", "award_type", "issuing_unit"),
        pk=decision_id,
    )


@permission_required("awards.view_decision", fn=visible_decision)
def decision_detail(request, decision_id: int):
    decision = visible_decision(request, decision_id)
    awards = list(decision.awards.select_related("person", "unit").order_by("subject", "pk"))
    back = (
        (_("Giấy khen của đơn vị"), reverse("awards:unit_decisions"))
        if decision.issuing_unit_id
        else (_("Quyết định khen thưởng"), reverse("awards:decision_list"))
    )
    rule = bonus_rule_if_known(award_type=decision.award_type, day=decision.issued_on)
    return render(
        request,
        "awards/decision_detail.html",
        {
            "decision": decision,
            "awards": awards,
            "total": sum(a.bonus_amount for a in awards),
            "rounding": rule.rounding if rule else None,
            "may_print": request.user.has_perm("awards.print_certificates", decision),
            "breadcrumbs": [back, (decision.number, None)],
        },
    )
