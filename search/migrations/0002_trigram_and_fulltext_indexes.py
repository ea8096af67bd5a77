from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    """Index SQL that only PostgreSQL understands; nothing on SQLite."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        # A no-op on SQLite (Django's CreateExtension checks the vendor).
        TrigramExtension(),
        PostgreSQLOnly(
            "CREATE INDEX search_entry_vector_gin ON search_searchentry "
            "USING gin (vector);",
            "DROP INDEX IF EXISTS search_entry_vector_gin;",
        ),
    ]
