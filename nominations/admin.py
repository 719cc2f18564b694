from django.contrib import admin

from nominations import models
from portal.admin_base import ReadOnlyAdmin


@admin.register(models.Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Public holidays skipped by the appraisal deadline: administrators keep this list current."""

    list_display = ("day", "name")
    date_hierarchy = "day"


@admin.register(models.NominationEvent)
class NominationEventAdmin(ReadOnlyAdmin):
    """The audit trail: events are appended by Nomination.record_event only (RecordsMoves)."""

    list_display = ("nomination", "action", "from_state", "to_state", "actor", "at")
    list_select_related = ("nomination", "actor")
