# The review record keeps each claim approved without a source and the
# reviewer's reason. The new column is guarded like the others: the triggers are
# made again with it (on SQLite the added column may rebuild the table, which
# drops its triggers).

from django.db import migrations, models

from cancerfax.append_only_triggers import AppendOnlyTriggers

COLUMNS = [
    "id",
    "version_id",
    "outcome",
    "kind",
    "reviewed_on",
    "next_review_due",
    "notes",
    "evidence_checked",
    "recorded_by_id",
    "created_at",
]


class TriggersRenewed(AppendOnlyTriggers):
    """Drop the table's append-only triggers and make them again for
    ``columns`` (backwards: for ``old_columns``)."""

    def __init__(self, table, *, columns, old_columns):
        super().__init__(table, columns=columns)
        self.old_columns = old_columns

    def _renew(self, schema_editor, columns):
        vendor = schema_editor.connection.vendor
        statements = self._sql(vendor, forwards=False)
        renewed = AppendOnlyTriggers(self.table, columns=columns)
        for statement in statements + renewed._sql(vendor, forwards=True):
            schema_editor.execute(statement, params=None)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        self._renew(schema_editor, self.columns)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self._renew(schema_editor, self.old_columns)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_append_only_in_the_database"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewrecord",
            name="no_source_reasons",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    "Each sentence that made a claim without citing a source when "
                    "this version was approved, and the reviewer's reason it needs "
                    "none: [{part, sentence, reason}]."
                ),
                verbose_name="claims without a source",
            ),
        ),
        TriggersRenewed(
            "reviews_reviewrecord",
            columns=[*COLUMNS, "no_source_reasons"],
            old_columns=COLUMNS,
        ),
    ]
