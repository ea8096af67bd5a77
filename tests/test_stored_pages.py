"""Patient pages are rendered once per approved state and served from storage."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from faq.models import FaqEntry
from publishing.models import PageGeneration, StoredPage
from publishing.store import generation, page_store, pages_invalidated_once
from reviews.capture import version_capture
from reviews.services import version_approve
from tests.factories import (
    FaqEntryFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

pytestmark = pytest.mark.django_db


def guide_showing(entry):
    section = SectionFactory(kind="faq", heading="Questions")
    SectionItemFactory(section=section, faq_entry=entry)
    approve(section.guide)
    return section.guide


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


@pytest.mark.parametrize("path", ["/", "/guides/", "/cancers/", "/faq/", "guide"])
def test_a_stored_page_costs_at_most_one_query_and_answers_304(client, path):
    entry = FaqEntryFactory()
    approve(entry)
    guide = guide_showing(entry)
    path = guide.get_absolute_url() if path == "guide" else path
    first, _ = get(client, path)
    second, queries = get(client, path)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert queries <= 1
    assert second["Cache-Control"] == "public, no-cache"
    assert second["Content-Security-Policy"]  # outer middleware still applies
    etag = second["ETag"]
    not_modified, queries = get(client, path, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert queries <= 1


def test_approving_an_answer_updates_every_guide_that_shows_it(client):
    entry = FaqEntryFactory(answer="<p>The approved answer.</p>")
    approve(entry)
    guides = [guide_showing(entry), guide_showing(entry)]
    for guide in guides:
        assert "The approved answer." in client.get(guide.get_absolute_url()).text
    FaqEntry.objects.filter(pk=entry.pk).update(answer="<p>A newer answer.</p>")
    approve(FaqEntry.objects.get(pk=entry.pk))
    for guide in guides:
        html = client.get(guide.get_absolute_url()).text
        assert "A newer answer." in html
        assert "The approved answer." not in html


def test_a_new_review_line_is_never_hidden_by_a_stored_page(client):
    guide = SectionFactory().guide
    approve(guide, reviewers=[ReviewerFactory(name="Dr Before")])
    assert "Dr Before" in client.get(guide.get_absolute_url()).text
    guide.lede = "A revised introduction."
    guide.save()
    version = version_capture(obj=guide, user=None)
    version_approve(
        version=version, user=None, reviewers=[ReviewerFactory(name="Dr After")]
    )
    html = client.get(guide.get_absolute_url()).text
    assert "Dr After" in html
    assert "Dr Before" not in html


def test_a_render_that_began_before_a_change_is_not_stored():
    guide = SectionFactory().guide
    approve(guide)
    began = generation()
    guide.lede = "Changed while the page was rendering."
    guide.save()
    approve(guide)
    assert not page_store(
        path=guide.get_absolute_url(),
        body="<p>stale</p>",
        content_type="text/html",
        shown={(1, guide.pk)},
        since_generation=began,
    )
    assert not StoredPage.objects.exists()


def test_storing_again_replaces_the_body_and_what_the_page_showed():
    """A render stored over a stored page (two visitors missed it at once)
    leaves one row, the new body and only the new render's dependencies."""
    first = page_store(
        path="/again/",
        body="<p>first</p>",
        content_type="text/html",
        shown={(1, 10), (1, 11)},
        since_generation=generation(),
    )
    second = page_store(
        path="/again/",
        body="<p>second</p>",
        content_type="text/html; charset=utf-8",
        shown={(1, 12)},
        since_generation=generation(),
    )
    page = StoredPage.objects.get(path="/again/")
    assert page.body == "<p>second</p>"
    assert page.content_type == "text/html; charset=utf-8"
    assert page.etag == second.etag != first.etag
    assert second.body == b"<p>second</p>"
    assert second.last_modified == http_date(page.rendered_at.timestamp())
    assert list(page.dependencies.values_list("content_type_id", "object_id")) == [
        (1, 12)
    ]


def test_a_missing_stored_copy_renders_live_and_is_stored(client):
    guide = SectionFactory().guide
    approve(guide)
    path = guide.get_absolute_url()
    assert not StoredPage.objects.filter(path=path).exists()
    assert client.get(path).status_code == 200
    assert StoredPage.objects.filter(path=path).exists()


def test_pages_are_rendered_again_after_an_approval_commits(
    client, django_capture_on_commit_callbacks
):
    guide = SectionFactory().guide
    approve(guide)
    client.get(guide.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        guide.title = "Rendered in the background"
        guide.save()
        approve(guide)
    page = StoredPage.objects.get(path=guide.get_absolute_url())
    assert "Rendered in the background" in page.body


def test_unpublishing_removes_the_stored_page_at_once(client):
    guide = SectionFactory().guide
    approve(guide)
    client.get(guide.get_absolute_url())
    guide.status = "draft"
    guide.save()
    assert client.get(guide.get_absolute_url()).status_code == 404


def test_staff_previews_render_live_and_are_never_stored(client, medical_editor):
    guide = SectionFactory().guide
    approve(guide)
    guide.title = "Working copy title"
    guide.save()
    client.force_login(medical_editor)
    assert "Working copy title" in client.get(guide.get_absolute_url()).text
    assert not StoredPage.objects.exists()
    client.logout()
    anonymous = client.get(guide.get_absolute_url()).text
    assert "Working copy title" not in anonymous


def test_a_query_string_always_gets_a_live_page(client):
    guide = SectionFactory().guide
    approve(guide)
    client.get(guide.get_absolute_url() + "?utm_source=x")
    assert not StoredPage.objects.exists()


def test_gathered_invalidations_run_once_when_the_outer_block_ends(client):
    """Bulk work (load_demo, demo approvals) invalidates once, and still replaces
    every page that showed a changed item."""
    entries = [FaqEntryFactory(answer=f"<p>Answer {n}.</p>") for n in (1, 2)]
    approve(*entries)
    guides = [guide_showing(entry) for entry in entries]
    paths = [guide.get_absolute_url() for guide in guides]
    for path in paths:
        client.get(path)
    assert StoredPage.objects.filter(path__in=paths).count() == 2
    before = generation()
    with pages_invalidated_once():
        for number, entry in enumerate(entries, 1):
            FaqEntry.objects.filter(pk=entry.pk).update(answer=f"<p>New {number}.</p>")
            # approve() gathers its own invalidations: here it joins this block.
            approve(FaqEntry.objects.get(pk=entry.pk))
        assert StoredPage.objects.filter(path__in=paths).count() == 2
        assert generation() == before
    assert generation() == before + 1
    assert not StoredPage.objects.filter(path__in=paths).exists()
    for number, path in enumerate(paths, 1):
        assert f"New {number}." in client.get(path).text


def test_a_block_whose_transaction_is_lost_does_not_query_at_its_end():
    """Its changes are being rolled back: nothing to invalidate, and a query in
    the broken transaction would hide the error that broke it."""
    entry = FaqEntryFactory()
    approve(entry)
    before = generation()
    with (
        pytest.raises(LookupError, match="the original error"),
        transaction.atomic(),
        pages_invalidated_once(),
    ):
        approve(FaqEntryFactory())
        transaction.set_rollback(True)
        raise LookupError("the original error")
    assert generation() == before


def test_a_save_of_reviewed_content_costs_two_queries_more_and_forgets_its_pages(
    client,
):
    """Every save of reviewed content invalidates: one UPDATE of the generation
    and one read of the pages that show the item (a DELETE only where some do)."""
    entry = FaqEntryFactory()
    approve(entry)
    path = guide_showing(entry).get_absolute_url()
    other = FaqEntryFactory()
    before = generation()
    with CaptureQueriesContext(connection) as queries:
        other.save()
    assert [q["sql"].split()[0] for q in queries] == ["UPDATE", "UPDATE", "SELECT"]
    assert generation() == before + 1
    client.get(path)
    assert StoredPage.objects.filter(path=path).exists()
    with CaptureQueriesContext(connection) as queries:
        entry.save()
    # The delete cascades to what each page showed (Django's collector reads
    # the pages, deletes their dependencies, then them).
    assert [q["sql"].split()[0] for q in queries] == [
        *["UPDATE", "UPDATE", "SELECT"],
        *["SELECT", "DELETE", "DELETE"],
    ]
    assert not StoredPage.objects.filter(path=path).exists()


def test_the_first_invalidation_of_an_empty_database_makes_the_generation_row():
    entry = FaqEntryFactory()
    PageGeneration.objects.all().delete()
    entry.save()
    assert PageGeneration.objects.get().number == 1
