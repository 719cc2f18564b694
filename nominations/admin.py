from django.contrib import admin

from nominations import models


@admin.register(models.Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Public holidays skipped by the appraisal deadline: administrators keep this list current."""

    list_display = ("day", "name")
    date_hierarchy = "day"


@admin.register(models.NominationEvent)
class NominationEventAdmin(admin.ModelAdmin):
    """The audit trail, read-only: events are appended by Nomination.record_event only."""

    list_display = ("nomination", "action", "from_state", "to_state", "actor", "at")
    list_select_related = ("nomination", "actor")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
