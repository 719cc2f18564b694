"""The plan page (every signed-in user) and the manager's pages for award rounds."""

import re
from collections.abc import Callable

from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.forms.plan import RoundForm
from campaigns.models import AwardRound, Campaign, RoundQuota, Unit
from campaigns.services.rounds import create_round, update_round
from portal.web import permission_required, submit_form

# Higher apps add parts to the plan page without campaigns importing them: each callable takes
# (request, campaign, *, rounds) and returns rendered HTML or "" (criteria adds its criterion sets);
# `rounds` is the list of the campaign's rounds the page has already read.
plan_panels: list[Callable] = []

_SUBHEADING = re.compile(r"^(\d+|[IVX]+)\.\s")


def active_campaign() -> Campaign | None:
    """The campaign being carried out now (the latest issued), else the latest one."""
    campaigns = Campaign.objects.order_by("-issued_on", "-pk")
    return campaigns.filter(status=Campaign.Status.ACTIVE).first() or campaigns.first()


def _pick_campaign(campaigns: list[Campaign], pk: int | None) -> Campaign | None:
    """From all campaigns (latest issued first): the one asked for (404 if unknown), else the active one."""
    if pk is not None:
        for campaign in campaigns:
            if campaign.pk == pk:
                return campaign
        raise Http404
    active = [c for c in campaigns if c.status == Campaign.Status.ACTIVE]
    return (active or campaigns or [None])[0]


def _paragraphs(body: str) -> list[dict]:
    """Split a section's text into paragraphs; short numbered lines are sub-headings."""
    out = []
    for block in re.split(r"\n\s*\n", body.strip()):
        text = " ".join(block.split())
        if not text:
            continue
        if _SUBHEADING.match(text) and len(text) <= 60 and not text.endswith("."):
            kind = "subheading"
        elif text.startswith("- "):
            kind = "item"
        else:
            kind = "text"
        out.append({"kind": kind, "text": text})
    return out


def _rounds(campaign: Campaign):
    return campaign.rounds.prefetch_related(
        Prefetch(
            "quotas", queryset=RoundQuota.objects.select_related("award_type").order_by("award_type__order")
        ),
        "required_document_types",
    ).order_by("opens_on", "code")


@permission_required("campaigns.view_plan")
def plan(request, pk: int | None = None):
    # A province has a handful of campaigns: one query gives the one shown and the list of the others.
    campaigns = list(Campaign.objects.order_by("-issued_on", "-pk"))
    campaign = _pick_campaign(campaigns, pk)
    if campaign is None:
        return render(request, "campaigns/plan/empty.html", {"breadcrumbs": [(_("Kế hoạch"), None)]})
    today = timezone.localdate()
    rounds = list(_rounds(campaign))
    for round_ in rounds:
        round_.status_now = round_.status_on(today)
    counts = dict(
        Unit.objects.valid_on(today)
        .exclude(kind=Unit.Kind.PROVINCE)
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    unit_counts = [
        (label, counts.get(kind, 0)) for kind, label in Unit.Kind.choices if kind != Unit.Kind.PROVINCE
    ]
    sections = [
        {"heading": s.heading, "paragraphs": _paragraphs(s.body)} for s in campaign.sections.order_by("order")
    ]
    return render(
        request,
        "campaigns/plan/plan.html",
        {
            "campaign": campaign,
            "sections": sections,
            "recipients": [line for line in campaign.recipients.splitlines() if line.strip()],
            "rounds": rounds,
            "unit_counts": unit_counts,
            "unit_total": sum(n for _label, n in unit_counts),
            "panels": [
                html for html in (panel(request, campaign, rounds=rounds) for panel in plan_panels) if html
            ],
            "other_campaigns": [c for c in campaigns if c.pk != campaign.pk],
            "can_manage_rounds": request.user.has_perm("campaigns.manage_rounds"),
            "breadcrumbs": [(_("Kế hoạch %(number)s") % {"number": campaign.number}, None)],
        },
    )


def _round_form_page(request, *, campaign: Campaign, round_: AwardRound | None):
    form = RoundForm(request.POST or None, instance=round_)
    if round_ is None:
        service, target = create_round, {"campaign": campaign}
    else:
        service, target = update_round, {"round": round_}
    saved, _saved_round = submit_form(
        request,
        form,
        service,
        success=lambda saved_round: _("Đã lưu đợt “%(name)s”.") % {"name": saved_round.name},
        values=lambda data: {
            "values": form.round_values(),
            "required_document_types": list(data["required_document_types"]),
            "quotas": form.quotas(),
        },
        **target,
    )
    if saved:
        return redirect(reverse("campaigns:plan_detail", args=[campaign.pk]) + "#dot-khen-thuong")
    plan_url = reverse("campaigns:plan_detail", args=[campaign.pk])
    title = _("Sửa đợt khen thưởng") if round_ else _("Thêm đợt khen thưởng")
    return render(
        request,
        "campaigns/plan/round_form.html",
        {
            "form": form,
            "campaign": campaign,
            "round": round_,
            "title": title,
            "plan_url": plan_url,
            "breadcrumbs": [
                (_("Kế hoạch %(number)s") % {"number": campaign.number}, plan_url),
                (title, None),
            ],
        },
    )


@permission_required("campaigns.manage_rounds")
def round_create(request, pk: int):
    campaign = get_object_or_404(Campaign, pk=pk)
    return _round_form_page(request, campaign=campaign, round_=None)


@permission_required("campaigns.manage_rounds")
def round_edit(request, pk: int):
    round_ = get_object_or_404(AwardRound.objects.select_related("campaign"), pk=pk)
    return _round_form_page(request, campaign=round_.campaign, round_=round_)
