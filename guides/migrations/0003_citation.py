# Citations move here from the reviews app (reviews 0003). The tables keep their
# names until 0004 renames them.

import django.core.validators
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="guides", model="citation").exists():
        ContentType.objects.filter(app_label="reviews", model="citation").update(
            app_label="guides"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("guides", "0002_topic_moved"),
        ("reviews", "0003_citation_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Citation",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("title", models.CharField(max_length=400, verbose_name="title")),
                        ("source", models.CharField(help_text="The journal, guideline body or publisher.", max_length=200, verbose_name="source")),
                        ("year", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name="year")),
                        ("pmid", models.CharField(blank=True, max_length=12, validators=[django.core.validators.RegexValidator("^\\d{1,10}$", "A PubMed ID is digits only.", "pmid")], verbose_name="PubMed ID")),
                        ("doi", models.CharField(blank=True, max_length=200, validators=[django.core.validators.RegexValidator("^10\\.\\d{4,9}/\\S+$", "A DOI looks like 10.1000/xyz123.", "doi")], verbose_name="DOI")),
                        ("url", models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(schemes=["http", "https"])], verbose_name="web address")),
                        ("guides", models.ManyToManyField(blank=True, help_text="Guides that list this source among their references.", related_name="citations", to="guides.guide", verbose_name="guides")),
                        ("key_numbers", models.ManyToManyField(blank=True, help_text="The key numbers this source supports.", limit_choices_to={"section__kind": "key_numbers"}, related_name="citations", to="guides.sectionitem", verbose_name="key numbers")),
                    ],
                    options={
                        "verbose_name": "citation",
                        "verbose_name_plural": "citations",
                        "ordering": ["title", "pk"],
                        "db_table": "reviews_citation",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
