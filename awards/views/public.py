"""The public register of decided awards: no sign-in, nothing personal beyond name and unit."""

from django.shortcuts import render

from awards import selectors
from awards.forms import PublicSearchForm
from portal.web import paginate


def public_register(request):
    form = PublicSearchForm(request.GET or None, rounds=selectors.rounds_with_awards())
    q, round_ = "", None
    if form.is_valid():
        q = form.cleaned_data["q"] or ""
        round_ = form.cleaned_data["round"]
    awards = paginate(request, selectors.public_awards(q=q, round_id=round_.pk if round_ else None), 25)
    return render(request, "awards/public_register.html", {"form": form, "awards": awards, "q": q})
