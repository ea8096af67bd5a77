# Step 2: point each version at its content type, and copy each signature from
# the reviewer profile as it reads now (the best record there is of how it read
# when the review was recorded).

from django.db import migrations

KINDS = {
    "guide": ("guides", "guide"),
    "faq": ("faq", "faqentry"),
    "indication": ("guides", "cancerindication"),
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentVersion = apps.get_model("reviews", "ContentVersion")
    Signature = apps.get_model("reviews", "ReviewRecordReviewer")
    for kind, (app_label, model) in KINDS.items():
        versions = ContentVersion.objects.filter(kind=kind)
        if versions.exists():
            content_type, _ = ContentType.objects.get_or_create(
                app_label=app_label, model=model
            )
            versions.update(content_type=content_type)
    for signature in Signature.objects.select_related("reviewer"):
        reviewer = signature.reviewer
        Signature.objects.filter(pk=signature.pk).update(
            name=reviewer.name,
            credentials=reviewer.credentials,
            specialty=reviewer.specialty,
            reviewer_kind=reviewer.kind,
        )


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentVersion = apps.get_model("reviews", "ContentVersion")
    for kind, (app_label, model) in KINDS.items():
        content_type = ContentType.objects.filter(
            app_label=app_label, model=model
        ).first()
        if content_type is not None:
            ContentVersion.objects.filter(content_type=content_type).update(kind=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_versions_by_content_type"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
