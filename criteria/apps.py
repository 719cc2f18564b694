from django.apps import AppConfig


class CriteriaConfig(AppConfig):
    name = "criteria"
    verbose_name = "Tiêu chí thi đua"

    def ready(self):
        # The plan page (campaigns) shows the criteria through its registry of panels.
        from campaigns.views import plan as views_plan
        from criteria.plan_panel import criteria_panel

        if criteria_panel not in views_plan.plan_panels:
            views_plan.plan_panels.append(criteria_panel)
