# Written by hand (scripts/migrations-regenerate keeps it): what the models
# cannot declare. PostgreSQL gets pg_trgm (misspellings, search/engine.py) and
# a GIN index on the full-text vector; SQLite gets neither. Every database gets
# the starting synonym list, which editors extend in the admin.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# What patients type -> what our pages call it.
SYNONYMS = {
    "liver cancer": "hepatocellular carcinoma, HCC",
    "lung cancer": "non-small cell lung cancer, NSCLC",
    "stomach cancer": "gastric cancer",
    "bowel cancer": "colorectal cancer",
    "colon cancer": "colorectal cancer",
    "kidney cancer": "renal cell carcinoma",
    "nose and throat cancer": "nasopharyngeal carcinoma",
    "cell therapy": "adoptive cellular immunotherapy",
    "killer cells": "cytokine-induced killer, CIK",
}


class PostgreSQLOnly(migrations.RunSQL):
    """Index SQL that only PostgreSQL understands; nothing on SQLite."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for phrase, alternatives in SYNONYMS.items():
        Synonym.objects.get_or_create(
            phrase=phrase, defaults={"alternatives": alternatives}
        )


def remove_synonyms(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(
        phrase__in=list(SYNONYMS)
    ).delete()


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
        migrations.RunPython(add_synonyms, remove_synonyms),
    ]
