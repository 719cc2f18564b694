"""Read-only admin of practices and difficulties: changes go through practices' services."""

from django.contrib import admin

from practices.models import Difficulty, DifficultyEvent, Practice, PracticeEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Practice)
class PracticeAdmin(ReadOnlyAdmin):
    list_display = ("name", "unit", "field", "state", "started_on")
    list_filter = ("state", "field")
    search_fields = ("search_text",)


@admin.register(Difficulty)
class DifficultyAdmin(ReadOnlyAdmin):
    list_display = ("title", "unit", "topic", "state", "raised_at")
    list_filter = ("state", "topic")


@admin.register(PracticeEvent)
class PracticeEventAdmin(ReadOnlyAdmin):
    list_display = ("practice", "action", "actor", "at")


@admin.register(DifficultyEvent)
class DifficultyEventAdmin(ReadOnlyAdmin):
    list_display = ("difficulty", "action", "actor", "at")
