from django.contrib import admin

from campaigns import models


@admin.register(models.Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent", "cluster", "valid_from", "valid_to")
    list_filter = ("kind", "cluster")
    search_fields = ("code", "search_name")
    list_select_related = ("parent", "cluster")
    raw_id_fields = ("parent",)


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("full_name", "unit", "category", "position")
    list_filter = ("category",)
    search_fields = ("search_name",)
    list_select_related = ("unit",)
    raw_id_fields = ("unit",)
    exclude = ("personal_id",)


for model in (
    models.Cluster,
    models.Membership,
    models.Campaign,
    models.CampaignSection,
    models.DocumentType,
    models.AwardType,
    models.AwardRound,
    models.RoundQuota,
):
    admin.site.register(model)
