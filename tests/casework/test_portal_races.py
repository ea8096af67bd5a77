"""The secure link's hourly allowances hold when replies arrive at once.

Counted under the inquiry's row lock, parallel replies are counted one after
another (two or more real PostgreSQL connections).
"""

import threading

import pytest
from django.db import connection

from casework.models import Message
from casework.patient_actions import LimitReached, patient_reply
from casework.patient_links import patient_link_issue, patient_link_resolve
from tests.concurrency import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs several PostgreSQL connections"
    ),
]


def test_parallel_replies_get_no_more_than_the_allowance(
    inquiry, coordinator, settings
):
    settings.CASEWORK_LINK_REPLIES_PER_HOUR = 2
    token = patient_link_issue(inquiry=inquiry, actor=coordinator)[1]
    link = patient_link_resolve(token).link

    start = threading.Barrier(6, timeout=10)

    def reply():
        start.wait()  # all six read the count at the same moment, unlocked
        patient_reply(link=link, body="Here is my answer.")

    errors = run_together(*[reply] * 6)
    assert Message.objects.filter(direction="from_patient").count() == 2
    assert len(errors) == 4
    assert all(isinstance(error, LimitReached) for error in errors)
