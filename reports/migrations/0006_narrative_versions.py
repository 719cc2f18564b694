"""The written parts of the summary reports, in versions; append-only like every history of the portal.

The trigger exists only on PostgreSQL (the production database); the model's save/delete refuse too.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


FUNCTION = """
CREATE OR REPLACE FUNCTION reports_narrative_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS reports_narrativeversion_append_only ON reports_narrativeversion;
CREATE TRIGGER reports_narrativeversion_append_only BEFORE UPDATE OR DELETE ON reports_narrativeversion
    FOR EACH ROW EXECUTE FUNCTION reports_narrative_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS reports_narrativeversion_append_only ON reports_narrativeversion;
DROP FUNCTION IF EXISTS reports_narrative_append_only();
"""


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, None)


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0009_statistics_fields'),
        ('reports', '0005_statistics_forms'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NarrativeVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('annual', 'Báo cáo kết quả năm'), ('final', 'Báo cáo tổng kết phong trào')], max_length=8, verbose_name='loại báo cáo')),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='năm')),
                ('key', models.SlugField(max_length=32, verbose_name='phần')),
                ('version', models.PositiveIntegerField(verbose_name='bản')),
                ('text', models.TextField(blank=True, verbose_name='nội dung')),
                ('written_at', models.DateTimeField(auto_now_add=True, verbose_name='viết lúc')),
                ('campaign', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='narrative_versions', to='campaigns.campaign', verbose_name='kế hoạch')),
                ('written_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='narrative_versions', to=settings.AUTH_USER_MODEL, verbose_name='người viết')),
            ],
            options={
                'verbose_name': 'bản viết của phần báo cáo',
                'verbose_name_plural': 'bản viết của phần báo cáo',
                'ordering': ['campaign', 'kind', 'year', 'key', '-version'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('year__isnull', False)), fields=('campaign', 'kind', 'year', 'key', 'version'), name='narrative_version_unique'), models.UniqueConstraint(condition=models.Q(('year__isnull', True)), fields=('campaign', 'kind', 'key', 'version'), name='narrative_final_version_unique'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'annual'), ('year__isnull', False)), models.Q(('kind', 'final'), ('year__isnull', True)), _connector='OR'), name='narrative_year_of_kind'), models.CheckConstraint(condition=models.Q(('version__gte', 1)), name='narrative_version_from_one')],
            },
        ),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
