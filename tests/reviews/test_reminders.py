"""send_review_reminders: the right people, the right items, once a day."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cancerfax import roles
from reviews.capture import version_capture
from reviews.models import ReviewReminder
from reviews.services import version_approve
from reviews.tasks import review_reminders_send
from tests.conftest import make_user
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def run(*args):
    out = StringIO()
    call_command("send_review_reminders", *args, verbosity=2, stdout=out)
    return out.getvalue()


def approve(obj, reviewer, due_in_days):
    today = timezone.localdate()
    version_approve(
        version=version_capture(obj=obj, user=None),
        user=None,
        reviewers=[reviewer],
        reviewed_on=today - 300 * DAY,
        next_review_due=today + due_in_days * DAY,
    )


def edit(entry, user):
    entry.answer = f"<p>Edited by {user}.</p>"
    entry.save()
    return version_capture(obj=entry, user=user)


@pytest.fixture
def team(django_user_model, medical_editor):
    def person(name, **user):
        account = make_user(django_user_model, name.lower(), roles.MEDICAL_REVIEWER)
        for field, value in user.items():
            setattr(account, field, value)
        account.save()
        return ReviewerFactory(name=f"Dr {name}", user=account)

    ada, bob, cy = person("Ada"), person("Bob"), person("Cy")
    no_email = person("Dee", email="")
    inactive = person("Eve", is_active=False)
    no_user = ReviewerFactory(name="Dr Fay")
    panel = ReviewerFactory(name="Liver panel", kind="panel")
    panel.members.add(cy)

    approve(GuideFactory(title="Overdue guide for Ada"), ada, -5)
    approve(FaqEntryFactory(question="Due soon for Bob?"), bob, 10)
    approve(CancerIndicationFactory(name="Overdue for the panel"), panel, -1)
    approve(FaqEntryFactory(question="Not due for a long time?"), ada, 200)
    for reviewer in (no_email, inactive, no_user):
        approve(FaqEntryFactory(question=f"Overdue for {reviewer.name}?"), reviewer, -3)
    edit(FaqEntryFactory(question="New, edited by Bob?"), bob.user)
    changed = FaqEntryFactory(question="Changed after Ada's review?")
    approve(changed, ada, 100)
    edit(changed, medical_editor)
    return {"ada": ada, "bob": bob, "cy": cy}


def mail_to(address):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message.body


def test_each_reviewer_gets_their_own_items(team):
    output = run()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ada@example.org",
        "bob@example.org",
        "cy@example.org",
    ]
    ada = mail_to("ada@example.org")
    assert "Overdue guide for Ada" in ada
    assert "New, edited by Bob?" in ada  # never reviewed: the whole team's
    assert "Changed after Ada's review?" in ada
    assert "Due soon for Bob?" not in ada
    assert "Not due for a long time?" not in ada
    assert "/admin/reviews/contentversion/" in ada

    bob = mail_to("bob@example.org")
    assert "Due soon for Bob?" in bob
    assert "New, edited by Bob?" not in bob  # he edited it: he may not approve it
    assert "Changed after Ada's review?" not in bob

    cy = mail_to("cy@example.org")
    assert "Overdue for the panel" in cy  # through the panel he sits on
    assert "New, edited by Bob?" in cy
    assert "Overdue guide for Ada" not in cy
    assert "3 reminder(s) sent." in output


def test_the_scheduled_task_sends_each_reminder_once_a_day(team):
    """The task the scheduler enqueues hourly sends what the command would, and
    nothing more on a later run the same day."""
    assert review_reminders_send.call() == {"sent": 3}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ada@example.org",
        "bob@example.org",
        "cy@example.org",
    ]
    assert "Overdue guide for Ada" in mail_to("ada@example.org")
    assert review_reminders_send.call() == {"sent": 0}
    assert len(mail.outbox) == 3


def test_second_run_on_the_same_day_sends_nothing(team):
    run()
    assert len(mail.outbox) == 3
    output = run()
    assert len(mail.outbox) == 3
    assert "0 reminder(s) sent." in output
    assert ReviewReminder.objects.count() == 3


def test_a_reviewer_reminded_today_gets_no_second_mail_for_new_work(
    team, medical_editor
):
    run()
    edit(FaqEntryFactory(question="Arrived after the first run?"), medical_editor)
    run()
    assert len(mail.outbox) == 3


def test_dry_run_sends_and_logs_nothing(team):
    output = run("--dry-run")
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert "Would send to Dr Ada <ada@example.org>" in output
    assert "overdue: Overdue guide for Ada" in output


def test_quiet_run_prints_nothing(team):
    out = StringIO()
    call_command("send_review_reminders", verbosity=0, stdout=out)
    assert out.getvalue() == ""
    assert len(mail.outbox) == 3


def test_nothing_to_do_sends_nothing(reviewer_profile):
    run()
    assert mail.outbox == []
