from django.db import migrations

# What patients type -> what our pages call it. Editors extend the list in the
# admin; this is only the starting set.
SYNONYMS = {
    "liver cancer": "hepatocellular carcinoma, HCC",
    "lung cancer": "non-small cell lung cancer, NSCLC",
    "stomach cancer": "gastric cancer",
    "bowel cancer": "colorectal cancer",
    "colon cancer": "colorectal cancer",
    "kidney cancer": "renal cell carcinoma",
    "nose and throat cancer": "nasopharyngeal carcinoma",
    "cell therapy": "adoptive cellular immunotherapy",
    "killer cells": "cytokine-induced killer, CIK",
}


def add_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for phrase, alternatives in SYNONYMS.items():
        Synonym.objects.get_or_create(
            phrase=phrase, defaults={"alternatives": alternatives}
        )


def remove_synonyms(apps, schema_editor):
    apps.get_model("search", "Synonym").objects.filter(
        phrase__in=list(SYNONYMS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_trigram_and_fulltext_indexes")]

    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]
