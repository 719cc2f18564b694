from django.apps import AppConfig


class NominationsConfig(AppConfig):
    name = "nominations"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Notification
        from .notifications import forget_unread

        def forget(sender, instance, **kwargs):
            forget_unread(instance.user_id)

        post_save.connect(forget, sender=Notification, dispatch_uid="notifications-unread-cache")
        post_delete.connect(forget, sender=Notification, dispatch_uid="notifications-unread-cache-del")
