"""Giấy khen of a unit's head: the unit's own decisions and its number for each round."""

from django.contrib import messages
from django.db.models import Count, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards import services
from awards.forms import UnitDecisionForm, UnitPlanForm
from awards.models import Award, Decision, UnitAwardPlan
from campaigns import roles
from documents.issuers import decision_signers, default_signer
from portal.web import act, paginate, permission_required, submit_form


@permission_required("awards.issue_unit_awards")
def unit_decisions(request):
    unit = roles.unit_of(request.user)
    decisions = (
        Decision.objects.filter(issuing_unit=unit)
        .select_related("round__campaign", "award_type")
        .annotate(n_awards=Count("awards"), total=Sum("awards__bonus_amount"))
        .order_by("-issued_on", "-pk")
    )
    plans = list(
        UnitAwardPlan.objects.filter(unit=unit)
        .select_related("round__campaign")
        .order_by("-round__period_end")
    )
    given = dict(
        Award.objects.filter(decision__issuing_unit=unit)
        .values("round_id")
        .annotate(n=Count("pk"))
        .values_list("round_id", "n")
    )
    plan_rows = [
        {"plan": p, "given": given.get(p.round_id, 0), "over": given.get(p.round_id, 0) > p.planned_count}
        for p in plans
    ]
    return render(
        request,
        "awards/unit_decisions.html",
        {
            "unit": unit,
            "decisions": paginate(request, decisions, 25),
            "plan_rows": plan_rows,
            "plan_form": UnitPlanForm(),
            "breadcrumbs": [(_("Giấy khen của đơn vị"), None)],
        },
    )


@require_POST
@permission_required("awards.issue_unit_awards")
def unit_plan(request):
    form = UnitPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn đợt và nhập số lượng Giấy khen là một số không âm."))
        return redirect("awards:unit_decisions")
    return act(
        request,
        services.set_unit_plan,
        back="awards:unit_decisions",
        success=_("Đã lưu số lượng Giấy khen của đơn vị cho đợt này."),
        round=form.cleaned_data["round"],
        planned_count=form.cleaned_data["planned_count"],
    )


@permission_required("awards.issue_unit_awards")
def unit_decision_create(request):
    unit = roles.unit_of(request.user)
    signer = default_signer(unit, timezone.localdate())  # the register's head of the unit today
    form = UnitDecisionForm(
        request.POST or None,
        unit=unit,
        initial={"signer_name": signer.full_name, "signer_title": signer.title} if signer else {},
    )
    done, outcome = submit_form(
        request,
        form,
        services.record_unit_decision,
        success=lambda outcome: _("Đã ghi nhận quyết định số %(n)s.") % {"n": outcome.decision.number},
    )
    if done:
        if outcome.warning:
            messages.warning(request, outcome.warning)
        return redirect("awards:decision_detail", outcome.decision.pk)
    return render(
        request,
        "awards/unit_decision_form.html",
        {
            "form": form,
            "unit": unit,
            "register_signers": decision_signers(unit, timezone.localdate()),
            "breadcrumbs": [
                (_("Giấy khen của đơn vị"), reverse("awards:unit_decisions")),
                (_("Ghi nhận quyết định"), None),
            ],
        },
    )
