"""The awards data in the admin, read-only: code lists and money rules change through migrations and
awards.defaults; decisions, awards, proposal slots and votes only through the services."""

from django.contrib import admin

from awards.models import BaseSalary, BonusMultiple, BonusRounding, Decision, EmulationTitle
from portal.admin_base import ReadOnlyAdmin


@admin.register(EmulationTitle)
class EmulationTitleAdmin(ReadOnlyAdmin):
    list_display = ("name", "code", "subject", "order")
    list_filter = ("subject",)


@admin.register(BaseSalary)
class BaseSalaryAdmin(ReadOnlyAdmin):
    list_display = ("effective_from", "amount", "legal_basis")


@admin.register(BonusMultiple)
class BonusMultipleAdmin(ReadOnlyAdmin):
    list_display = ("award_type_code", "subject", "multiple")


@admin.register(BonusRounding)
class BonusRoundingAdmin(ReadOnlyAdmin):
    list_display = ("effective_from", "mode", "step", "legal_basis")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("number", "issued_on", "issuer", "award_type", "round")
    list_select_related = ("award_type", "round")
    search_fields = ("number", "issuer")
