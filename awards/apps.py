from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self) -> None:
        # nominations cannot import awards; it asks its registry, where awards adds its provider.
        from awards.selectors import earlier_awards_for_nomination
        from nominations import extensions

        providers = extensions.award_history_providers
        if earlier_awards_for_nomination not in providers:
            providers.append(earlier_awards_for_nomination)
