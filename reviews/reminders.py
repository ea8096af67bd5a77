"""Daily review reminders: one e-mail per reviewer and day at most."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .dashboard import ItemState, item_states
from .models import Reviewer, ReviewReminder
from .services import version_editors


@dataclass
class Reminder:
    reviewer: Reviewer
    overdue: list[ItemState] = field(default_factory=list)
    due_soon: list[ItemState] = field(default_factory=list)
    waiting: list[ItemState] = field(default_factory=list)

    @property
    def email(self):
        return self.reviewer.user.email

    def summary(self):
        lines = [
            *(f"overdue: {s.title}" for s in self.overdue),
            *(f"due soon: {s.title}" for s in self.due_soon),
            *(f"waiting: {s.title}, version {s.working.number}" for s in self.waiting),
        ]
        return "\n".join(lines)


def reminders_due(*, today=None) -> list[Reminder]:
    """What each reviewer with an e-mail address should hear about today.

    Overdue and soon-due items go to the reviewers of their latest review (and
    the members of a panel among them); versions waiting go to the same people,
    or to everyone for an item never reviewed, except to those who edited the
    version and so may not approve it. Reviewers already reminded today, and
    reviewers with nothing to do, are left out.
    """
    today = today or timezone.localdate()
    states = item_states()
    already = set(
        ReviewReminder.objects.filter(sent_on=today).values_list(
            "reviewer_id", flat=True
        )
    )
    people = (
        Reviewer.objects.filter(
            kind=Reviewer.Kind.PERSON, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .exclude(pk__in=already)
        .select_related("user")
    )
    waiting = [s for s in states if s.is_waiting()]
    editors = {s.working.pk: version_editors(s.working) for s in waiting}
    reminders = []
    for person in people:
        mine = [s for s in states if s.concerns(person)]
        reminder = Reminder(
            reviewer=person,
            overdue=[s for s in mine if s.is_overdue(today)],
            due_soon=[s for s in mine if s.is_due_soon(today)],
            waiting=[
                s
                for s in waiting
                if s.concerns(person)
                and (
                    settings.REVIEW_ALLOW_SELF_APPROVAL
                    or person.user_id not in editors[s.working.pk]
                )
            ],
        )
        if reminder.overdue or reminder.due_soon or reminder.waiting:
            reminders.append(reminder)
    return reminders


def reminder_send(*, reminder: Reminder, today=None) -> bool:
    """Log and send one reminder; ``False`` if it was already sent today.

    The log row and the e-mail share a transaction: a failed send leaves no row,
    so the next run tries again; a row written by a concurrent run stops this one.
    """
    today = today or timezone.localdate()
    context = {
        "reminder": reminder,
        "site_url": settings.SITE_URL.rstrip("/"),
        "days": settings.REVIEW_DUE_SOON_DAYS,
    }
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(
                    reviewer=reminder.reviewer,
                    sent_on=today,
                    email=reminder.email,
                    summary=reminder.summary(),
                )
        except IntegrityError:
            return False
        send_mail(
            subject=render_to_string(
                "reviews/email/reminder_subject.txt", context
            ).strip(),
            message=render_to_string("reviews/email/reminder.txt", context),
            from_email=None,
            recipient_list=[reminder.email],
        )
    return True
