from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Mô hình, cách làm hay và khó khăn, vướng mắc")

    def ready(self):
        # A plan's contents name the practices and difficulties that bear on them (criteria.plan_loader).
        from criteria.plan_loader import register_content_codes
        from practices.models import Field, Practice, Topic

        register_content_codes("practice_kinds", Practice.Kind.choices)
        register_content_codes("practice_fields", Field.choices)
        register_content_codes("difficulty_topics", Topic.choices)
