# Topic names and descriptions are now reviewed. Topics that patients already see
# keep showing: each gets an approved version recorded as "carried over", with
# its next review due today, so the review dashboard lists every one of them for
# a real review at once. A new database has no topics and gets no such record.

import datetime

from django.db import migrations

NOTES = (
    "Carried over when topics came under medical review: this name and "
    "description were shown to patients before. Review it."
)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentVersion = apps.get_model("reviews", "ContentVersion")
    ReviewRecord = apps.get_model("reviews", "ReviewRecord")
    Topic = apps.get_model("topics", "Topic")
    if not Topic.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="topics", model="topic"
    )
    today = datetime.date.today()
    for topic in Topic.objects.all():
        if ContentVersion.objects.filter(
            content_type=content_type, object_id=topic.pk
        ).exists():
            continue
        version = ContentVersion.objects.create(
            content_type=content_type,
            object_id=topic.pk,
            number=1,
            title=topic.name,
            schema_version=1,
            snapshot={"name": topic.name, "description": topic.description},
            status="approved",
        )
        ReviewRecord.objects.create(
            version=version,
            outcome="approved",
            kind="carried_over",
            reviewed_on=today,
            next_review_due=today,
            notes=NOTES,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0002_rename_table"),
        ("reviews", "0006_drop_kind"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
