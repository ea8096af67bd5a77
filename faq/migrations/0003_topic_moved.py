# Topics moved to the topics app (topics 0001): only the migration state changes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("faq", "0002_initial"),
        ("topics", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="faqentry",
                    name="topic",
                    field=models.ForeignKey(help_text="Questions are grouped by topic on the FAQ page.", on_delete=django.db.models.deletion.PROTECT, related_name="faq_entries", to="topics.topic", verbose_name="topic"),
                ),
            ],
        ),
    ]
