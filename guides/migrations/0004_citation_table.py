from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0003_citation"),
    ]

    operations = [
        migrations.AlterModelTable(name="citation", table=None),
    ]
