from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CriteriaConfig(AppConfig):
    name = "criteria"
    verbose_name = _("Tiêu chí thi đua")

    def ready(self):
        # The plan page (campaigns) shows the criteria through its registry of panels.
        from campaigns.views import plan as views_plan
        from criteria.plan_panel import criteria_panel

        if criteria_panel not in views_plan.plan_panels:
            views_plan.plan_panels.append(criteria_panel)
        # The rankings import is a kind of the directory's import batches (preview → confirm).
        from django.urls import reverse_lazy

        from campaigns.models import ImportBatch
        from campaigns.services.imports import Importer, register_importer
        from criteria.rankings import import_rankings

        register_importer(
            ImportBatch.Kind.RANKINGS,
            Importer(
                run=import_rankings,
                permission="criteria.import_rankings",
                upload_url=reverse_lazy("criteria:rankings_import"),
                template_url=reverse_lazy("criteria:rankings_template"),
                list_url=reverse_lazy("criteria:rankings"),
                yearly=True,
            ),
        )
