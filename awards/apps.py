from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        # nominations cannot import awards; it asks its registry, where awards adds its provider.
        try:
            from nominations import extensions
        except ImportError:  # the registry is not there yet: nothing to register with
            return
        from awards.selectors import earlier_awards_for_nomination

        providers = extensions.award_history_providers
        if earlier_awards_for_nomination not in providers:
            providers.append(earlier_awards_for_nomination)
