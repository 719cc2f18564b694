"""The signers' page ("Người ký văn bản"): the register of who signs for each unit and when, and the
campaign's issuing bodies. Sở Nội vụ's manager keeps every unit's; a unit head their own unit's."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns import roles
from campaigns.models import Campaign, Unit
from campaigns.selectors import visible_units
from campaigns.text import fold
from documents import services
from documents.forms import EndOfficialForm, IssuingUnitsForm, OfficialForm
from documents.models import Official
from portal.web import act, paginate, permission_required, submit_form

PAGE_SIZE = 50


def _units(user):
    """The units whose signers the user keeps: all for Sở Nội vụ's manager, else the head's own tree."""
    if roles.has_role(user, roles.NOIVU_MANAGER):
        return Unit.objects.all()
    return visible_units(user)


@permission_required("documents.view_signers")
def signers(request):
    units = _units(request.user)
    form = OfficialForm(request.POST or None, units=units)
    added, official = submit_form(
        request,
        form,
        services.add_official,
        success=lambda o: (
            _("Đã ghi %(name)s vào sổ người ký của %(unit)s.") % {"name": o.full_name, "unit": o.unit.name}
        ),
    )
    if added:
        return redirect("documents:signers")
    officials = (
        Official.objects.filter(unit__in=units)
        .select_related("unit")
        .order_by("unit__path", "-is_default", "-valid_from", "pk")
    )
    q = request.GET.get("q", "").strip()
    if q:
        officials = officials.filter(Q(unit__search_name__contains=fold(q)) | Q(unit__code__iexact=q))
    campaign = (
        Campaign.objects.select_related("deciding_unit", "appraising_unit").order_by("-issued_on").first()
    )
    issuers_form = None
    if request.user.has_perm("documents.set_issuers") and campaign is not None:
        issuers_form = IssuingUnitsForm(
            initial={
                "campaign": campaign,
                "deciding": campaign.deciding_unit,
                "appraising": campaign.appraising_unit,
            }
        )
    return render(
        request,
        "documents/signers.html",
        {
            "page": paginate(request, officials, PAGE_SIZE),
            "q": q,
            "form": form,
            "end_form": EndOfficialForm(),
            "issuers_form": issuers_form,
            "campaign": campaign,
            "breadcrumbs": [(_("Người ký văn bản"), None)],
        },
    )


@require_POST
@permission_required("documents.view_signers")
def end_signer(request, pk: int):
    official = get_object_or_404(Official.objects.filter(unit__in=_units(request.user)), pk=pk)
    return act(
        request,
        services.end_official,
        back=reverse("documents:signers"),
        form=EndOfficialForm(request.POST),
        success=_("Đã ghi ngày thôi ký của %(name)s.") % {"name": official.full_name},
        official=official,
    )


@require_POST
@permission_required("documents.set_issuers")
def set_issuers(request):
    return act(
        request,
        services.set_issuing_units,
        back=reverse("documents:signers"),
        form=IssuingUnitsForm(request.POST),
        success=_("Đã lưu cơ quan ban hành văn bản của kế hoạch."),
    )
