"""The manager's pages for a campaign's criteria (editable until dossiers are submitted)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.models import Campaign
from criteria.forms import CriterionForm
from criteria.models import Criterion, CriterionSet
from criteria.plan_panel import criterion_sets_of
from criteria.services import criteria as services
from portal.web import act, permission_required, submit_form

PERM = "criteria.manage_criteria"


def _crumbs(campaign, last=None):
    crumbs = [
        (
            _("Kế hoạch %(number)s") % {"number": campaign.number},
            reverse("campaigns:plan_detail", args=[campaign.pk]),
        ),
        (_("Bộ tiêu chí"), reverse("criteria:criteria_list", args=[campaign.pk]) if last else None),
    ]
    if last:
        crumbs.append((last, None))
    return crumbs


@permission_required(PERM)
def criteria_list(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    return render(
        request,
        "criteria/criteria_list.html",
        {
            "campaign": campaign,
            "criterion_sets": criterion_sets_of(campaign),
            "frozen_reason": services.criteria_frozen_reason(campaign),
            "breadcrumbs": _crumbs(campaign),
        },
    )


def _form_page(request, *, criterion_set: CriterionSet, criterion: Criterion | None):
    campaign = criterion_set.campaign
    form = CriterionForm(request.POST or None, instance=criterion)
    if criterion is None:
        service, target = services.create_criterion, {"criterion_set": criterion_set}
    else:
        service, target = services.update_criterion, {"criterion": criterion}
    saved, _result = submit_form(
        request,
        form,
        service,
        success=_("Đã lưu tiêu chí."),
        values=lambda data: {"values": {k: data.get(k) for k in services.EDITABLE}},
        **target,
    )
    if saved:
        return redirect("criteria:criteria_list", campaign.pk)
    title = _("Sửa tiêu chí %(code)s") % {"code": criterion.code} if criterion else _("Thêm tiêu chí")
    return render(
        request,
        "criteria/criterion_form.html",
        {
            "form": form,
            "title": title,
            "criterion_set": criterion_set,
            "campaign": campaign,
            "frozen_reason": services.criteria_frozen_reason(campaign),
            "breadcrumbs": _crumbs(campaign, title),
        },
    )


@permission_required(PERM)
def criterion_add(request, set_pk: int):
    criterion_set = get_object_or_404(CriterionSet.objects.select_related("campaign"), pk=set_pk)
    return _form_page(request, criterion_set=criterion_set, criterion=None)


@permission_required(PERM)
def criterion_edit(request, pk: int):
    criterion = get_object_or_404(Criterion.objects.select_related("criterion_set__campaign"), pk=pk)
    return _form_page(request, criterion_set=criterion.criterion_set, criterion=criterion)


@permission_required(PERM)
@require_POST
def criterion_delete(request, pk: int):
    criterion = get_object_or_404(Criterion.objects.select_related("criterion_set__campaign"), pk=pk)
    return act(
        request,
        services.delete_criterion,
        back=reverse("criteria:criteria_list", args=[criterion.criterion_set.campaign.pk]),
        success=_("Đã xóa tiêu chí %(code)s).") % {"code": criterion.code},
        criterion=criterion,
    )
