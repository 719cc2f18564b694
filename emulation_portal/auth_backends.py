"""Authentication backend: Django's, without model permissions for people who never use the admin."""

from django.contrib.auth.backends import ModelBackend


class PortalModelBackend(ModelBackend):
    """The portal's permissions are django-rules predicates on roles; Django's per-model permissions
    only matter in the admin. Skipping them for non-staff users saves two queries on every page."""

    def get_all_permissions(self, user_obj, obj=None):
        if not (user_obj.is_staff or user_obj.is_superuser):
            return set()
        return super().get_all_permissions(user_obj, obj)

    def get_user_permissions(self, user_obj, obj=None):
        if not (user_obj.is_staff or user_obj.is_superuser):
            return set()
        return super().get_user_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        if not (user_obj.is_staff or user_obj.is_superuser):
            return set()
        return super().get_group_permissions(user_obj, obj)
