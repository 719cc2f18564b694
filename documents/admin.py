from django.contrib import admin

from documents.models import Official
from portal.admin_base import ReadOnlyAdmin


@admin.register(Official)
class OfficialAdmin(ReadOnlyAdmin):
    list_display = (
        "full_name",
        "title",
        "authority",
        "on_behalf_of",
        "unit",
        "valid_from",
        "valid_to",
        "is_default",
    )
    list_filter = ("authority", "is_default")
    search_fields = ("full_name", "unit__name")
