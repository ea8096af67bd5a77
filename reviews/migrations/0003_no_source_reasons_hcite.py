# Written by hand: the review record keeps each claim approved without a source
# and the reviewer's reason. The new column is guarded like the others: the
# triggers are dropped and made again with it (on SQLite the added column
# rebuilds the table, which the versions' triggers would refuse).

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


# As 0002 made them: the version's triggers read review records, so SQLite
# cannot rebuild the records' table while they exist.
WAS_APPROVED = (
    "OLD.\"status\" = 'approved' OR (OLD.\"status\" = 'superseded' AND EXISTS ("
    'SELECT 1 FROM "reviews_reviewrecord" AS "record" '
    'WHERE "record"."version_id" = OLD."id" AND "record"."outcome" = \'approved\'))'
)
STATUS_MOVES_BACK = (
    'NOT (NEW."status" = OLD."status" '
    "OR (OLD.\"status\" = 'approved' AND NEW.\"status\" = 'superseded'))"
)
VERSION_TRIGGERS = {
    "table": "reviews_contentversion",
    "columns": [
        "id",
        "content_type_id",
        "object_id",
        "number",
        "title",
        "schema_version",
        "snapshot",
        "arrangement_only",
        "created_by_id",
        "created_at",
        "note",
    ],
    "rows": WAS_APPROVED,
    "also_refuse": STATUS_MOVES_BACK,
}


class TriggersDropped(AppendOnlyTriggers):
    """The reverse of ``AppendOnlyTriggers``: drops them (backwards: makes them)."""

    def describe(self):
        return f"Drop the append-only triggers on {self.table}"

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_append_only_in_the_database"),
    ]

    operations = [
        TriggersDropped(**VERSION_TRIGGERS),
        TriggersDropped("reviews_reviewrecord", columns=COLUMNS),
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
        AppendOnlyTriggers(**VERSION_TRIGGERS),
        AppendOnlyTriggers(
            "reviews_reviewrecord", columns=[*COLUMNS, "no_source_reasons"]
        ),
    ]
