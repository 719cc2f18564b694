"""Public holidays skipped by the appraisal deadline, and the append-only guard on dossier events.

The trigger exists only on PostgreSQL (the production database); the model's save/delete refuse too.
"""

import datetime

from django.db import migrations

HOLIDAYS = [
    ("2025-01-01", "Tết Dương lịch"),
    *[(f"2025-01-{d}", "Tết Nguyên đán Ất Tỵ") for d in (27, 28, 29, 30, 31)],
    ("2025-04-07", "Giỗ Tổ Hùng Vương"),
    ("2025-04-30", "Ngày Giải phóng miền Nam"),
    ("2025-05-01", "Ngày Quốc tế Lao động"),
    ("2025-05-02", "Nghỉ bù (hoán đổi ngày làm việc)"),
    ("2025-09-01", "Quốc khánh"),
    ("2025-09-02", "Quốc khánh"),
    ("2026-01-01", "Tết Dương lịch"),
    *[(f"2026-02-{d}", "Tết Nguyên đán Bính Ngọ") for d in (16, 17, 18, 19, 20)],
    ("2026-04-27", "Nghỉ bù Giỗ Tổ Hùng Vương"),
    ("2026-04-30", "Ngày Giải phóng miền Nam"),
    ("2026-05-01", "Ngày Quốc tế Lao động"),
    ("2026-09-01", "Quốc khánh"),
    ("2026-09-02", "Quốc khánh"),
]

TRIGGER = """
CREATE OR REPLACE FUNCTION nominations_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'nominations_nominationevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS nominations_event_append_only ON nominations_nominationevent;
CREATE TRIGGER nominations_event_append_only
    BEFORE UPDATE OR DELETE ON nominations_nominationevent
    FOR EACH ROW EXECUTE FUNCTION nominations_event_append_only();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS nominations_event_append_only ON nominations_nominationevent;
DROP FUNCTION IF EXISTS nominations_event_append_only();
"""


def add_holidays(apps, schema_editor):
    Holiday = apps.get_model("nominations", "Holiday")
    for day, name in HOLIDAYS:
        Holiday.objects.get_or_create(day=datetime.date.fromisoformat(day), defaults={"name": name})


def remove_holidays(apps, schema_editor):
    Holiday = apps.get_model("nominations", "Holiday")
    Holiday.objects.filter(day__in=[datetime.date.fromisoformat(d) for d, _ in HOLIDAYS]).delete()


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER, params=None)


class Migration(migrations.Migration):
    dependencies = [("nominations", "0002_documents_assessments_notifications")]

    operations = [
        migrations.RunPython(add_holidays, remove_holidays),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
