"""Two editors at once: capture is serialised on the item, never loses an edit.

Real races need real connections: each thread has its own PostgreSQL connection
and transaction. SQLite takes one writer at a time, so there is no race to show.
"""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from guides.models import Section
from reviews.capture import version_capture
from reviews.models import ContentVersion
from tests.admin_forms import field_of, guide_form
from tests.concurrency import run_together
from tests.conftest import make_user
from tests.factories import FaqEntryFactory, GuideFactory, SectionFactory, approve

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two PostgreSQL connections"
    ),
]
Status = ContentVersion.Status


def waiting_versions(obj):
    return list(
        ContentVersion.objects.of(obj).filter(
            status__in=[Status.PENDING, Status.CHANGES_REQUESTED]
        )
    )


def test_two_editors_saving_different_sections_leave_one_version_with_both():
    guide = GuideFactory()
    first = SectionFactory(guide=guide, order=1, body="<p>First, approved.</p>")
    second = SectionFactory(guide=guide, order=2, body="<p>Second, approved.</p>")
    approve(guide)
    # Both edits are written before either editor's save captures a version.
    both_written = threading.Barrier(2, timeout=10)

    def editor(section, body):
        def save():
            with transaction.atomic():
                Section.objects.filter(pk=section.pk).update(body=body)
                both_written.wait()
                version_capture(obj=guide, user=None)

        return save

    errors = run_together(
        editor(first, "<p>First, edited.</p>"),
        editor(second, "<p>Second, edited.</p>"),
    )
    assert errors == []
    [waiting] = waiting_versions(guide)
    bodies = [section.body for section in waiting.content.sections]
    assert bodies == ["<p>First, edited.</p>", "<p>Second, edited.</p>"]


def test_two_first_captures_take_one_number_and_fail_nobody():
    entry = FaqEntryFactory(answer="<p>The first answer.</p>")
    both_ready = threading.Barrier(2, timeout=10)

    def capture():
        with transaction.atomic():
            both_ready.wait()
            version_capture(obj=entry, user=None)

    errors = run_together(capture, capture)
    assert errors == []
    [version] = ContentVersion.objects.of(entry)
    assert (version.number, version.status) == (1, Status.PENDING)


def test_two_editors_saving_one_guide_page_at_once_lose_nothing(django_user_model):
    """The admin locks the guide before saving. The page each editor loaded holds
    every section, so the second save would put the first editor's words back:
    it is refused with a message instead, and nothing is lost or half-saved."""
    editors = [
        make_user(django_user_model, f"editor{n}", "Medical editor") for n in (1, 2)
    ]
    guide = GuideFactory()
    sections = [
        SectionFactory(guide=guide, order=n, kind="rich_text", body="<p>Old.</p>")
        for n in (1, 2)
    ]
    approve(guide)
    start = threading.Barrier(2, timeout=10)
    responses = []

    def save(editor, section, body):
        client = Client()
        client.force_login(editor)
        data = guide_form(client, guide)  # both pages are loaded before either saves
        data[field_of(data, section, "body")] = body

        def post():
            start.wait()
            response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
            responses.append((response.status_code, response.content.decode()))

        return post

    jobs = [
        save(editors[0], sections[0], "<p>New one.</p>"),
        save(editors[1], sections[1], "<p>New two.</p>"),
    ]
    errors = run_together(*jobs)
    assert errors == []
    assert sorted(status for status, _ in responses) == [200, 302]
    refused = next(html for status, html in responses if status == 200)
    assert "Someone else saved this page after you opened it" in refused
    bodies = sorted(s.body for s in Section.objects.filter(guide=guide))
    assert bodies in (
        ["<p>New one.</p>", "<p>Old.</p>"],
        ["<p>New two.</p>", "<p>Old.</p>"],
    )
