# Written by hand (scripts/migrations-regenerate keeps it): the database itself
# refuses changes to review records, their signatures and comments, reviewer
# profile changes, and to versions patients were shown (cancerfax.append_only_
# triggers). An approved version may only become superseded; a superseded one
# that was once approved changes no more.

from django.db import migrations

from cancerfax.append_only_triggers import AppendOnlyTriggers

WAS_APPROVED = (
    "OLD.\"status\" = 'approved' OR (OLD.\"status\" = 'superseded' AND EXISTS ("
    'SELECT 1 FROM "reviews_reviewrecord" AS "record" '
    'WHERE "record"."version_id" = OLD."id" AND "record"."outcome" = \'approved\'))'
)
STATUS_MOVES_BACK = (
    "NOT (NEW.\"status\" = OLD.\"status\" "
    "OR (OLD.\"status\" = 'approved' AND NEW.\"status\" = 'superseded'))"
)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [
        AppendOnlyTriggers(
            "reviews_contentversion",
            columns=[
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
            rows=WAS_APPROVED,
            also_refuse=STATUS_MOVES_BACK,
        ),
        AppendOnlyTriggers(
            "reviews_reviewrecord",
            columns=[
                "id",
                "version_id",
                "outcome",
                "kind",
                "reviewed_on",
                "next_review_due",
                "notes",
                "evidence_checked",
                "no_source_reasons",
                "recorded_by_id",
                "created_at",
            ],
        ),
        AppendOnlyTriggers(
            "reviews_reviewrecordreviewer",
            columns=[
                "id",
                "record_id",
                "reviewer_id",
                "name",
                "credentials",
                "specialty",
                "reviewer_kind",
                "signed_by_id",
            ],
        ),
        AppendOnlyTriggers(
            "reviews_reviewcomment",
            columns=["id", "record_id", "anchor", "label", "text"],
        ),
        AppendOnlyTriggers(
            "reviews_reviewerchange",
            columns=["id", "reviewer_id", "changed_by_id", "changed_at", "changes"],
        ),
    ]
