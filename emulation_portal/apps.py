from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "emulation_portal"
    verbose_name = "Cổng thi đua"
