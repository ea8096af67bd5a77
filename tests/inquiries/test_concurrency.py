"""Concurrent submissions against a live server: never a 500, nothing lost.

On SQLite (the default database) this exercises WAL, the busy timeout and
immediate transactions; on PostgreSQL the same test guards row locking.
"""

import re
import threading

import pytest
import requests

from inquiries.models import Inquiry, OutboxEmail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def busy_site(settings, database_tasks):
    """Production's task backend (so requests also write the queue), and no rate
    limit: every post comes from 127.0.0.1."""
    settings.INQUIRY_RATE_LIMIT = 1000
    settings.INQUIRY_RATE_LIMIT_FILES = 1000


def open_form(base_url):
    session = requests.Session()
    page = session.get(f"{base_url}/inquire/", timeout=30)
    assert page.status_code == 200
    fields = {
        "form_token": re.search(r'name="form_token" value="([^"]+)"', page.text)[1],
        "csrfmiddlewaretoken": session.cookies["csrftoken"],
    }
    return session, fields


def submit(session, base_url, fields, form_data, pdf_bytes):
    return session.post(
        f"{base_url}/inquire/",
        data={**form_data, **fields},
        files={"medical_records": ("report.pdf", pdf_bytes, "application/pdf")},
        headers={"Referer": f"{base_url}/inquire/"},
        allow_redirects=False,
        timeout=60,
    )


def run_together(jobs):
    """Start every job at the same moment; return their results in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as error:  # reported by the assertion below
            results[index] = error

    threads = [threading.Thread(target=run, args=item) for item in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_twenty_parallel_submissions_are_all_stored(
    live_server, busy_site, form_data, pdf_bytes
):
    forms = [open_form(live_server.url) for _ in range(20)]
    results = run_together(
        [
            lambda session=session, fields=fields: submit(
                session, live_server.url, fields, form_data, pdf_bytes
            )
            for session, fields in forms
        ]
    )
    statuses = [getattr(result, "status_code", result) for result in results]
    assert statuses == [302] * 20
    assert all(r.headers["Location"] == "/inquire/thanks/" for r in results)
    assert Inquiry.objects.count() == 20
    assert OutboxEmail.objects.count() == 40
    assert all(inquiry.files.count() == 1 for inquiry in Inquiry.objects.all())


def test_a_double_click_stores_one_inquiry_and_shows_no_error(
    live_server, busy_site, form_data, pdf_bytes
):
    session, fields = open_form(live_server.url)
    # Two clicks of one form: the same session, cookie and form token.
    results = run_together(
        [lambda: submit(session, live_server.url, fields, form_data, pdf_bytes)] * 2
    )
    statuses = [getattr(result, "status_code", result) for result in results]
    assert statuses == [302, 302]
    assert Inquiry.objects.count() == 1
    assert OutboxEmail.objects.count() == 2
