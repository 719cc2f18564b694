"""The directory and the plan in the Django admin: to look at only.

Rows change through the portal's pages and services (rounds and quotas: campaigns.services.rounds;
memberships: campaigns.services.accounts; units and people: the imports), which check the rules and
write the audit; the admin is not a second way around them.
"""

from django.contrib import admin

from campaigns import models
from portal.admin_base import ReadOnlyAdmin


@admin.register(models.Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "kind", "parent", "cluster", "valid_from", "valid_to")
    list_filter = ("kind", "cluster")
    search_fields = ("code", "search_name")
    list_select_related = ("parent", "cluster")
    raw_id_fields = ("parent",)


@admin.register(models.Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("full_name", "unit", "category", "position")
    list_filter = ("category",)
    search_fields = ("search_name",)
    list_select_related = ("unit",)
    raw_id_fields = ("unit",)
    exclude = ("personal_id",)


@admin.register(models.AwardRound)
class AwardRoundAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "campaign", "kind", "year", "opens_on", "closes_on")
    list_filter = ("campaign", "kind")
    list_select_related = ("campaign",)


@admin.register(models.RoundQuota)
class RoundQuotaAdmin(ReadOnlyAdmin):
    list_display = ("round", "award_type", "max_count")
    list_select_related = ("round", "award_type")


@admin.register(models.Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "unit")
    list_select_related = ("user", "unit")
    raw_id_fields = ("user", "unit")


@admin.register(models.ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "kind", "year", "state", "created_by", "created_at")
    list_filter = ("kind", "state")
    list_select_related = ("created_by",)
    exclude = ("file",)


for model in (
    models.Cluster,
    models.Campaign,
    models.CampaignSection,
    models.DocumentType,
    models.AwardType,
):
    admin.site.register(model, ReadOnlyAdmin)
