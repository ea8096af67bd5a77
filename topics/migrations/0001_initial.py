# Topics move from the guides app to their own, so that guides and FAQs can both
# point at them without pointing at each other. The table stays where it is here
# and is renamed in 0002, once nothing in the migration state refers to the old
# model.

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="topics", model="topic").exists():
        ContentType.objects.filter(app_label="guides", model="topic").update(
            app_label="topics"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("guides", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="The therapy or subject a series of guides covers.", max_length=120, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=120, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, help_text="One or two sentences shown above this topic's guides.", verbose_name="description")),
                        ("order", models.PositiveIntegerField(default=0, help_text="Lower numbers are listed first.", verbose_name="order")),
                    ],
                    options={
                        "verbose_name": "topic",
                        "verbose_name_plural": "topics",
                        "ordering": ["order", "name", "pk"],
                        "db_table": "guides_topic",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
