"""The reports page's card of drafts: the annual and end-of-campaign reports whose parts Sở Nội vụ
writes, one link each, beside the form that asks for them."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from reports import narrative, selectors
from reports.models import ReportJob

register = template.Library()


@register.inclusion_tag("reports/_drafts_card.html", takes_context=True)
def report_drafts(context, campaigns=None):
    """Links to the current campaign's drafts: each year's report, then the end-of-campaign report.
    `campaigns`: every campaign, newest first, when the page has read them already."""
    user = context["user"]
    campaign = selectors.current_campaign(campaigns) if user.has_perm("reports.request_summary") else None
    if campaign is None:
        return {"campaign": None}
    reports = [
        (_("Báo cáo kết quả năm %(year)s") % {"year": year}, ReportJob.Kind.ANNUAL, year)
        for year in range(campaign.ends_on.year, campaign.starts_on.year - 1, -1)
    ] + [(_("Báo cáo tổng kết phong trào"), ReportJob.Kind.FINAL, None)]
    return {
        "campaign": campaign,
        "may_write": user.has_perm("reports.write_narrative"),
        "links": [
            (label, reverse("reports:draft", args=[campaign.pk, narrative.period(kind, year)]))
            for label, kind, year in reports
        ],
    }
