# Written by hand (scripts/migrations-regenerate keeps it): the database itself
# refuses changes to the access log (cancerfax.append_only_triggers). Links to a
# deleted account or inquiry may be cut (SET_NULL): the entry keeps the
# sign-in name and the reference.

from django.db import migrations

from cancerfax.append_only_triggers import AppendOnlyTriggers


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0001_initial")]

    operations = [
        AppendOnlyTriggers(
            "inquiries_accesslog",
            columns=["id", "username", "action", "reference", "file_id", "detail", "at"],
            links=["user_id", "inquiry_id"],
        ),
    ]
