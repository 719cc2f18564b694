"""Featured models on the public site (no login): name, field, unit, the person's name, results, photos.

Nothing else about people is shown here: no position, no date of birth, no identification number,
no account names of who recorded what.
"""

from django.shortcuts import get_object_or_404, render

from portal.web import paginate
from practices import selectors
from practices.models import PracticeFile, PracticeState
from practices.storage import file_response

PAGE_SIZE = 12


def public_featured(request):
    page = paginate(request, selectors.featured_practices(), PAGE_SIZE)
    return render(request, "practices/public_list.html", {"page": page})


def public_featured_detail(request, pk):
    practice = get_object_or_404(selectors.featured_practices(), pk=pk)
    return render(request, "practices/public_detail.html", {"practice": practice})


def public_photo(request, pk, file_pk):
    item = get_object_or_404(
        PracticeFile.objects.select_related("practice"),
        pk=file_pk,
        practice_id=pk,
        practice__state=PracticeState.FEATURED,
        role=PracticeFile.Role.PHOTO,
    )
    response = file_response(item, inline=True)
    response["Cache-Control"] = "public, max-age=3600"
    return response
