# Written by hand (scripts/migrations-regenerate keeps it): the database itself
# refuses changes to signed assessments and the centres they suggest
# (cancerfax.append_only_triggers). Links to a deleted request, clinician
# account or superseded assessment may be cut (SET_NULL): the assessment keeps
# the signed name. Erasure deletes through cancerfax.append_only.erasure_allowed.

from django.db import migrations

from cancerfax.append_only_triggers import AppendOnlyTriggers


class Migration(migrations.Migration):
    dependencies = [("casework", "0001_initial")]

    operations = [
        AppendOnlyTriggers(
            "casework_assessment",
            columns=[
                "id",
                "inquiry_id",
                "diagnosis_confirmed",
                "stage_confirmed",
                "treatments_so_far",
                "ecog",
                "missing",
                "conclusion",
                "reasoning",
                "centres_signed",
                "signed_name",
                "signed_at",
                "content_sha256",
            ],
            links=["request_id", "clinician_id", "supersedes_id"],
        ),
        AppendOnlyTriggers(
            "casework_assessment_suggested_centres",
            columns=["id", "assessment_id", "treatmentcentre_id"],
        ),
    ]
