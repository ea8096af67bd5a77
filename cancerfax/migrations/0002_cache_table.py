# Written by hand (scripts/migrations-regenerate keeps it): the database cache
# is the default (CACHE_URL unset); its table comes with the schema so that no
# deployment step can forget it. Does nothing when the cache is Redis.

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("cancerfax", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
