# Citations move to the guides app, beside what cites them (guides 0003): only the
# migration state changes here; the table is renamed by guides 0004.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_append_only_base_manager"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Citation")],
        ),
    ]
