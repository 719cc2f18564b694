from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Mô hình, cách làm hay và khó khăn, vướng mắc"
