from django.core.management import call_command
from django.db import migrations, models


def create_cache_table(apps, schema_editor):
    # The database cache is the default (CACHE_URL unset): create its table with
    # the schema, so no deployment step can forget it. Does nothing for Redis.
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ScheduledTaskRun",
            fields=[
                (
                    "name",
                    models.CharField(
                        max_length=100,
                        primary_key=True,
                        serialize=False,
                        verbose_name="name",
                    ),
                ),
                (
                    "last_enqueued_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="last enqueued"
                    ),
                ),
            ],
            options={
                "verbose_name": "scheduled task run",
                "verbose_name_plural": "scheduled task runs",
            },
        ),
        migrations.RunPython(create_cache_table, migrations.RunPython.noop),
    ]
