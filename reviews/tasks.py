"""Background work for reviews, on Django's tasks API (the django-tasks backport).

Enqueued by ``manage.py run_schedule`` (``SCHEDULED_TASKS``) and run by a worker.
"""

from django.utils import timezone
from django_tasks import task

from .reminders import reminder_send, reminders_due


@task()
def review_reminders_send() -> dict:
    """E-mail each reviewer their overdue and soon-due items and the versions
    waiting for them (as ``send_review_reminders``). Scheduled hourly: a reviewer
    is reminded at most once a day, so later runs that day send nothing new."""
    today = timezone.localdate()
    sent = sum(
        1
        for reminder in reminders_due(today=today)
        if reminder_send(reminder=reminder, today=today)
    )
    return {"sent": sent}
