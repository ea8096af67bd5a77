# Step 3: the content type is the key; the fixed list of kinds goes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reviews", "0005_fill_content_types_and_signatures"),
    ]

    operations = [
        migrations.RemoveField(model_name="contentversion", name="kind"),
        migrations.AlterField(
            model_name="contentversion",
            name="content_type",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype", verbose_name="kind of content"),
        ),
        migrations.AlterField(
            model_name="contentversion",
            name="arrangement_only",
            field=models.BooleanField(default=False, help_text="Differs from the approved version only in arrangement (order, links, topic): it puts no new words in front of a patient.", verbose_name="arrangement only"),
        ),
        migrations.AlterModelOptions(
            name="contentversion",
            options={
                "ordering": ["content_type", "object_id", "-number"],
                "permissions": [("publish_minor_change", "Can publish an arrangement change (no new words) without review")],
                "verbose_name": "content version",
                "verbose_name_plural": "content versions",
            },
        ),
        migrations.AddConstraint(
            model_name="contentversion",
            constraint=models.UniqueConstraint(fields=("content_type", "object_id", "number"), name="reviews_version_number_unique"),
        ),
        migrations.AddConstraint(
            model_name="contentversion",
            constraint=models.UniqueConstraint(condition=models.Q(("status", "approved")), fields=("content_type", "object_id"), name="reviews_one_approved_version"),
        ),
        migrations.AddIndex(
            model_name="contentversion",
            index=models.Index(fields=["content_type", "status", "object_id"], name="reviews_version_lookup"),
        ),
        migrations.AlterModelOptions(
            name="reviewrecordreviewer",
            options={"base_manager_name": "objects", "verbose_name": "signature on a record", "verbose_name_plural": "signatures on records"},
        ),
        migrations.AlterField(
            model_name="reviewrecord",
            name="kind",
            field=models.CharField(choices=[("full", "Full review"), ("confirmed", "Confirmed still accurate, no changes"), ("minor", "Arrangement change, no new words"), ("carried_over", "Carried over when the item came under review")], max_length=16, verbose_name="kind of review"),
        ),
    ]
