"""Admin pages for the awards data an administrator may change: code lists and money rules.

Decisions, awards, proposal slots and votes are written only by the services (read-only here).
"""

from django.contrib import admin

from awards.models import BaseSalary, BonusMultiple, BonusRounding, Decision, EmulationTitle


@admin.register(EmulationTitle)
class EmulationTitleAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "subject", "order")
    list_filter = ("subject",)


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "amount", "legal_basis")


@admin.register(BonusMultiple)
class BonusMultipleAdmin(admin.ModelAdmin):
    list_display = ("award_type_code", "subject", "multiple")


@admin.register(BonusRounding)
class BonusRoundingAdmin(admin.ModelAdmin):
    list_display = ("effective_from", "mode", "step", "legal_basis")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("number", "issued_on", "issuer", "award_type", "round")
    list_select_related = ("award_type", "round")
    search_fields = ("number", "issuer")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
