"""Defaults from the law: emulation titles, the base salary, bonus multiples and the rounding rule.

Each is data an administrator can change later (admin pages); this migration only fills what is missing.
"""

from django.db import migrations

from awards.defaults import ensure_defaults


def seed(apps, schema_editor):
    ensure_defaults(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
