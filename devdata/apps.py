from django.apps import AppConfig


class DevdataConfig(AppConfig):
    """Demo and province-scale data generators: installed outside production only."""

    name = "devdata"
    verbose_name = "Dữ liệu mẫu và dữ liệu thử tải"
