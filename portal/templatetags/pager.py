"""{% page_url n %}: the current address with ?page=n, every other query parameter kept."""

from django import template

from portal.web import PAGE_PARAM

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    query = context["request"].GET.copy()
    query[PAGE_PARAM] = str(number)
    return "?" + query.urlencode()
