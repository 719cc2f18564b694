"""The public register of decided awards: no sign-in, nothing personal beyond name and unit."""

from django.shortcuts import render

from awards import selectors
from awards.forms import PublicSearchForm
from awards.views.common import page_of


def public_register(request):
    form = PublicSearchForm(request.GET or None, rounds=selectors.rounds_with_awards())
    q, round_id = "", None
    if form.is_valid():
        q = form.cleaned_data["q"] or ""
        round_id = form.cleaned_data["dot"].pk if form.cleaned_data["dot"] else None
    awards = page_of(request, selectors.public_awards(q=q, round_id=round_id), 25)
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "awards/public_register.html",
        {"form": form, "awards": awards, "q": q, "query": params.urlencode()},
    )
