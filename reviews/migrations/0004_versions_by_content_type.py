# Versions are keyed by content type instead of a fixed list of kinds, so the
# review framework knows no content app. Step 1: new columns beside the old.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reviews", "0003_citation_moved"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="contentversion", name="reviews_version_number_unique"
        ),
        migrations.RemoveConstraint(
            model_name="contentversion", name="reviews_one_approved_version"
        ),
        migrations.RemoveIndex(
            model_name="contentversion", name="reviews_con_kind_6babe5_idx"
        ),
        migrations.AddField(
            model_name="contentversion",
            name="content_type",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="contenttypes.contenttype", verbose_name="kind of content"),
        ),
        migrations.AddField(
            model_name="contentversion",
            name="schema_version",
            field=models.PositiveSmallIntegerField(default=1, help_text="The shape the content was stored in; older shapes are upgraded.", verbose_name="snapshot schema version"),
        ),
        migrations.RenameField(
            model_name="contentversion",
            old_name="non_clinical_only",
            new_name="arrangement_only",
        ),
        migrations.AddField(
            model_name="reviewrecordreviewer",
            name="name",
            field=models.CharField(default="", max_length=200, verbose_name="name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="reviewrecordreviewer",
            name="credentials",
            field=models.CharField(blank=True, max_length=200, verbose_name="credentials"),
        ),
        migrations.AddField(
            model_name="reviewrecordreviewer",
            name="specialty",
            field=models.CharField(blank=True, max_length=200, verbose_name="specialty"),
        ),
        migrations.AddField(
            model_name="reviewrecordreviewer",
            name="reviewer_kind",
            field=models.CharField(choices=[("person", "Person"), ("panel", "Panel")], default="person", max_length=16, verbose_name="kind"),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="ReviewerChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="changed at")),
                ("changes", models.JSONField(help_text="Each changed field: [before, after].", verbose_name="changes")),
                ("changed_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="changed by")),
                ("reviewer", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="changes", to="reviews.reviewer", verbose_name="reviewer")),
            ],
            options={
                "verbose_name": "reviewer profile change",
                "verbose_name_plural": "reviewer profile changes",
                "ordering": ["-changed_at", "-pk"],
                "abstract": False,
                "base_manager_name": "objects",
            },
        ),
    ]
