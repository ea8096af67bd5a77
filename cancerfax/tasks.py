"""Site-wide background tasks."""

import io

from django.core.management import call_command
from django_tasks import task


@task()
def management_command(name: str, args: list[str]) -> str:
    """Run a management command on a worker (jobs that already are commands,
    such as ``send_review_reminders``); returns the end of what it printed."""
    output = io.StringIO()
    call_command(name, *args, stdout=output, stderr=output)
    return output.getvalue()[-2000:]
