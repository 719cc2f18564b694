"""The leader's home: latest summaries and headline charts, from reports.selectors (fixed queries)."""

from django import template

from reports import selectors

register = template.Library()


@register.inclusion_tag("reports/_leader_dashboard.html", takes_context=True)
def leader_dashboard(context):
    user = context["user"]
    campaign = selectors.current_campaign()
    return {
        "user": user,
        "headline": selectors.headline(campaign),
        "summaries": selectors.latest_summaries() if user.has_perm("reports.view_reports") else [],
    }


@register.filter
def vietnamese_name(user) -> str:
    """Family and middle names first ('Nguyễn Văn' + 'An'), as the portal greets people."""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.get_username()
