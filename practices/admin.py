"""Read-only admin of practices and difficulties: changes go through practices' services."""

from django.contrib import admin

from portal.admin_base import ReadOnlyAdmin
from practices.models import Difficulty, DifficultyEvent, Practice, PracticeEvent


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
