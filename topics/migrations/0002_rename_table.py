from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0001_initial"),
        ("guides", "0002_topic_moved"),
    ]

    operations = [
        migrations.AlterModelTable(name="topic", table=None),
    ]
