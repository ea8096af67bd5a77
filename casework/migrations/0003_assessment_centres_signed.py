import hashlib
import json

from django.db import migrations, models

# As in casework.assessments when this migration was written (frozen here: the
# service may change, this migration must not).
SIGNED_FIELDS = (
    "diagnosis_confirmed",
    "stage_confirmed",
    "treatments_so_far",
    "ecog",
    "missing",
    "conclusion",
    "reasoning",
)


def _fingerprint(payload):
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _payloads(assessment):
    """The old signed payload (text and centre ids) and the new one (plus the copy)."""
    centres = sorted(
        assessment.suggested_centres.all(), key=lambda c: (c.country, c.name)
    )
    copy = [
        {"id": c.pk, "name": c.name, "city": c.city, "country": c.country}
        for c in centres
    ]
    old = {name: getattr(assessment, name) for name in SIGNED_FIELDS}
    old["suggested_centres"] = sorted(c.pk for c in centres)
    return copy, old, {**old, "centres_signed": copy}


def copy_signed_centres(apps, schema_editor):
    """Copy each assessment's centres as they are now, the nearest record of what
    was signed. Where the old fingerprint still matches, the new one is taken over
    the same content plus the copy; a row whose fingerprint did not match keeps it,
    and still shows as changed."""
    Assessment = apps.get_model("casework", "Assessment")
    assessments = Assessment.objects.prefetch_related("suggested_centres")
    for assessment in assessments.iterator(chunk_size=500):
        copy, old, new = _payloads(assessment)
        changes = {"centres_signed": copy}
        if _fingerprint(old) == assessment.content_sha256:
            changes["content_sha256"] = _fingerprint(new)
        Assessment.objects.filter(pk=assessment.pk).update(**changes)


def restore_old_fingerprints(apps, schema_editor):
    Assessment = apps.get_model("casework", "Assessment")
    assessments = Assessment.objects.prefetch_related("suggested_centres")
    for assessment in assessments.iterator(chunk_size=500):
        __, old, new = _payloads(assessment)
        if new["centres_signed"] != assessment.centres_signed:
            new["centres_signed"] = assessment.centres_signed
        if _fingerprint(new) == assessment.content_sha256:
            Assessment.objects.filter(pk=assessment.pk).update(
                content_sha256=_fingerprint(old)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0002_assessment_base_manager"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="centres_signed",
            field=models.JSONField(
                blank=True,
                default=list,
                editable=False,
                help_text=(
                    "Each suggested centre's name, city and country as they were "
                    "when signed: what the assessment shows, whatever the centre is "
                    "called later."
                ),
                verbose_name="suggested centres as signed",
            ),
        ),
        migrations.RunPython(copy_signed_centres, restore_old_fingerprints),
    ]
