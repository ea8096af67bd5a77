"""PDFs are parsed after the inquiry is stored, within a budget, by a real parser.

The corpus (``pdf_corpus.py``) holds the attacks that beat the old scanner: the
``stream`` flood that held workers for 30 s, JavaScript hidden in object streams
under each filter and filter chain, escaped names, deep nesting, a broken xref
table, an object stream that inflates to 400 MB, and an honest 100-page scan.
"""

import pytest

from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import InquiryFile
from inquiries.scanning import attachment_deep_scan

from .pdf_corpus import (
    CORPUS,
    clickable_web_link,
    object_stream_pdf,
    stream_flood,
    web_address_on_opening,
)
from .samples import upload


def stored_pdf(make_inquiry, content: bytes) -> InquiryFile:
    file = upload("report.pdf", content)
    inquiry = make_inquiry([CheckedUpload(file=file, info=inspect_upload(file))])
    return inquiry.files.get()


@pytest.mark.db_agnostic
@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CORPUS))
def test_each_corpus_file_is_judged_by_the_deep_check(make_inquiry, name):
    build, expected = CORPUS[name]
    row = stored_pdf(make_inquiry, build())
    assert row.checked_at is None  # stored first, parsed afterwards
    attachment_deep_scan(row.pk)
    row.refresh_from_db()
    assert row.checked_at is not None
    if expected == "clean":
        assert row.warnings == ""
        assert not row.is_flagged
    elif expected == "unreadable":
        assert "not checked" in row.warnings and "treat as suspect" in row.warnings
    else:
        assert expected in row.warnings.split("; ")


@pytest.mark.django_db
def test_javascript_run_on_opening_is_named(make_inquiry):
    row = stored_pdf(make_inquiry, object_stream_pdf([b"/ASCIIHexDecode"]))
    attachment_deep_scan(row.pk)
    row.refresh_from_db()
    assert row.warnings == "JavaScript; runs JavaScript automatically"


@pytest.mark.django_db
def test_a_check_over_its_time_budget_flags_the_file(make_inquiry, settings):
    settings.INQUIRY_SCAN_SECONDS = 0.001
    row = stored_pdf(make_inquiry, object_stream_pdf([b"/FlateDecode"]))
    attachment_deep_scan(row.pk)
    row.refresh_from_db()
    assert "took over 0.001 s" in row.warnings
    assert row.is_flagged


@pytest.mark.django_db
def test_a_second_run_changes_nothing(make_inquiry):
    row = stored_pdf(make_inquiry, object_stream_pdf([b"/ASCII85Decode"]))
    attachment_deep_scan(row.pk)
    attachment_deep_scan(row.pk)
    row.refresh_from_db()
    assert row.warnings.count("JavaScript;") == 1


@pytest.mark.django_db
def test_the_check_starts_only_after_the_inquiry_commits(
    client, form_data, django_capture_on_commit_callbacks
):
    """The form request stores a stream flood without parsing it; the check
    that flags it runs from the commit hook."""
    from .test_submit import post

    flood = upload("flood.pdf", stream_flood(150 * 1024), "application/pdf")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post(client, form_data, files=[flood])
    assert response.status_code == 302
    row = InquiryFile.objects.get()
    assert row.checked_at is None and row.warnings == ""
    for callback in callbacks:
        callback()
    row.refresh_from_db()
    assert "damaged" in row.warnings


@pytest.mark.django_db
def test_the_coordinator_sees_pending_and_flagged_files(
    client, make_inquiry, coordinator
):
    row = stored_pdf(make_inquiry, object_stream_pdf([b"/ASCII85Decode"]))
    client.force_login(coordinator)
    page = f"/admin/inquiries/inquiry/{row.inquiry_id}/change/"
    assert "Check pending" in client.get(page).content.decode()
    attachment_deep_scan(row.pk)
    html = client.get(page).content.decode()
    assert "Flagged: JavaScript; runs JavaScript automatically" in html


@pytest.mark.django_db
def test_a_web_address_opened_by_itself_is_named_apart_from_a_link(make_inquiry):
    row = stored_pdf(make_inquiry, web_address_on_opening())
    attachment_deep_scan(row.pk)
    row.refresh_from_db()
    assert row.warnings == "opens a web address automatically; web address"
    link = stored_pdf(make_inquiry, clickable_web_link())
    attachment_deep_scan(link.pk)
    link.refresh_from_db()
    assert link.warnings == "web address"
