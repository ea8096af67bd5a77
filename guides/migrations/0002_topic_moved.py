# Topics moved to the topics app (topics 0001): only the migration state changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("topics", "0001_initial"),
        ("faq", "0003_topic_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="guide",
                    name="topic",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="guides", to="topics.topic", verbose_name="topic"),
                ),
                migrations.DeleteModel(name="Topic"),
            ],
        ),
    ]
