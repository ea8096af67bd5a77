from django.db import migrations

INCOMING = {"received", "patient_replied", "records_received", "assessment_recorded"}


def from_casework(apps, schema_editor):
    """Each inquiry with messages, requests or assessments: its latest one is its
    last activity, and it needs a reply if that came from outside (open only)."""
    Inquiry = apps.get_model("inquiries", "Inquiry")
    Message = apps.get_model("casework", "Message")
    Request = apps.get_model("casework", "AssessmentRequest")
    Assessment = apps.get_model("casework", "Assessment")
    latest = {}

    def seen(inquiry_id, at, activity):
        if inquiry_id is not None and (
            inquiry_id not in latest or at >= latest[inquiry_id][0]
        ):
            latest[inquiry_id] = (at, activity)

    for row in Request.objects.values_list("inquiry_id", "created_at"):
        seen(*row, "sent_to_clinician")
    for row in Assessment.objects.values_list("inquiry_id", "signed_at"):
        seen(*row, "assessment_recorded")
    for inquiry_id, at, direction in Message.objects.values_list(
        "inquiry_id", "created_at", "direction"
    ):
        kind = "message_sent" if direction == "to_patient" else "patient_replied"
        seen(inquiry_id, at, kind)
    for inquiry in Inquiry.objects.filter(pk__in=list(latest)).only("pk", "status"):
        at, activity = latest[inquiry.pk]
        fields = {"last_activity": activity, "last_activity_at": at}
        if activity in INCOMING:
            fields["needs_reply"] = inquiry.status != "closed"
        elif activity == "message_sent":
            fields["needs_reply"] = False
        Inquiry.objects.filter(pk=inquiry.pk).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0002_append_only_in_the_database"),
        ("inquiries", "0004_last_activity_hcase"),
    ]

    operations = [migrations.RunPython(from_casework, migrations.RunPython.noop)]
