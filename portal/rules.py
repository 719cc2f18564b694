"""Permissions of the pages every signed-in user shares (django-rules, autodiscovered)."""

import rules

rules.add_perm("portal.view_home", rules.is_authenticated)
