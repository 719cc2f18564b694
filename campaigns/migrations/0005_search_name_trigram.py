"""Trigram GIN indexes for the folded-name search (`search_name LIKE '%…%'`), on PostgreSQL only.

The lists search with `search_name__contains=fold(q)`: without these indexes PostgreSQL reads every
row (30,000 people) twice per page (count and page). pg_trgm's GIN index serves LIKE '%…%'. SQLite
(tests, development) has no such index type: the migration does nothing there and the model state
is unchanged on every database, so it is a RunPython and not a Meta index.
"""

from django.db import migrations

INDEXES = {
    "campaigns_person_search_name_trgm": "campaigns_person",
    "campaigns_unit_search_name_trgm": "campaigns_unit",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_name gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0004_directory_refinements")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
