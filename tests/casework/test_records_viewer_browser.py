"""In Chromium: a coordinator reads a PDF and an image beside the case. PDF.js
draws the pages to canvas under the site's CSP, with no console error."""

import io

import pikepdf
import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import AccessLog

from ..inquiries.samples import upload
from .test_browser import ALL_IMPACTS, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Collected before any page script runs (DevTools injects it, the CSP allows it).
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""
INKED = """(canvas) => {
  const data = canvas.getContext("2d")
    .getImageData(0, 0, canvas.width, canvas.height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark += 1;
  return dark;
}"""


def report_pdf(*, script: str = "") -> bytes:
    """Two pages of text in Helvetica (a standard font the PDF does not embed);
    with ``script``, a JavaScript action run on opening by readers that run it."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
        )
    )
    for number in (1, 2):
        text = f"BT /F1 36 Tf 72 700 Td (CT report page {number}) Tj ET"
        page = pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, 612, 792],
                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                Contents=pdf.make_stream(text.encode()),
            )
        )
        pdf.pages.append(page)
    if script:
        pdf.Root.OpenAction = pikepdf.Dictionary(
            Type=pikepdf.Name.Action,
            S=pikepdf.Name.JavaScript,
            JS=pikepdf.String(script),
        )
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def scan_png() -> bytes:
    image = Image.new("RGB", (400, 300), "white")
    image.paste((20, 20, 20), (100, 75, 300, 225))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def case_with_records(make_inquiry):
    files = [upload("CT report.pdf", report_pdf()), upload("scan.png", scan_png())]
    inquiry = make_inquiry(
        checked_uploads=[CheckedUpload(file=f, info=inspect_upload(f)) for f in files]
    )
    inquiry.files.update(checked_at=timezone.now(), warnings="")
    return inquiry


def test_a_coordinator_reads_a_pdf_and_an_image_beside_the_case(
    live_server, page, coordinator, case_with_records, admin_login, axe_violations
):
    inquiry = case_with_records
    errors = []
    page.on(
        "console",
        lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else 0,
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(WATCH_CSP)
    admin_login(page, "coordinator@example.org")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/inquiries/inquiry/{inquiry.pk}/change/")
    assert page.locator(".cw-files").get_by_text("Checked, nothing found").count() == 2

    page.get_by_role("link", name="View file 1").click()
    page.wait_for_selector("[data-rendered]")
    viewer = page.locator("[data-record-viewer]")
    assert viewer.get_attribute("data-rendered") == "2"
    canvases = page.locator(".rv-pages canvas")
    assert canvases.count() == 2
    for n in range(2):
        assert canvases.nth(n).evaluate(INKED) > 100  # the text was drawn
    expect(page.get_by_text("Checked, nothing found").first).to_be_visible()
    assert "Is CIK an option?" in page.locator(".rv-side").inner_text()  # the case
    assert page.evaluate("window.cspViolations") == []
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    assert page.evaluate("document.documentElement.scrollWidth") == 1280
    shot(page, "viewer-pdf-1280")

    page.get_by_role("link", name="scan.png").click()
    image = page.locator("img.rv-image")
    image.wait_for()
    page.wait_for_function("document.querySelector('img.rv-image').complete")
    assert image.evaluate("img => img.naturalWidth") == 400
    assert page.evaluate("window.cspViolations") == []
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") == 360
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    shot(page, "viewer-image-360")

    page.go_back()
    page.wait_for_selector("[data-rendered='2']")
    assert page.evaluate("document.documentElement.scrollWidth") == 360
    assert page.evaluate("window.cspViolations") == []
    # The admin's pages link no icon, so Chromium asks for /favicon.ico (404).
    errors = [text for text in errors if "/favicon.ico" not in text]
    assert errors == [], "\n".join(errors)
    views = AccessLog.objects.filter(action=AccessLog.Action.VIEW_FILE)
    assert views.count() == 3  # the PDF twice, the image once
    assert set(views.values_list("user__email", flat=True)) == {coordinator.email}


def test_the_clinician_reads_a_flagged_pdf_and_its_script_never_runs(
    live_server, page, make_inquiry, coordinator, clinician, admin_login
):
    """The deep check flags the PDF's JavaScript; the viewer says so and draws
    the pages, and the script (an alert, a change of the page) never runs."""
    from casework.assessments import assessment_request_create

    script = "app.alert('ran'); this.title = 'ran';"
    sent_file = upload("letter.pdf", report_pdf(script=script))
    inquiry = make_inquiry(
        checked_uploads=[CheckedUpload(file=sent_file, info=inspect_upload(sent_file))]
    )
    record = inquiry.files.get()
    record.refresh_from_db()
    assert record.checked_at and "JavaScript" in record.warnings  # the real check
    sent = assessment_request_create(
        inquiry=inquiry, clinician=clinician, actor=coordinator
    )
    dialogs, errors = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(WATCH_CSP)
    admin_login(
        page,
        clinician.email,
        f"{live_server.url}/admin/casework/assessmentrequest/{sent.pk}/change/",
    )
    page.get_by_role("link", name="View file 1").click()
    page.wait_for_selector("[data-rendered='2']")
    assert "Flagged: JavaScript" in page.locator(".rv-record").inner_text()
    assert page.locator(".rv-pages canvas").first.evaluate(INKED) > 100
    assert dialogs == [] and errors == []
    assert "ran" not in page.title()
    assert page.evaluate("window.cspViolations") == []
    assert inquiry.email not in page.content()  # a clinician sees no contacts
    view = AccessLog.objects.get(action=AccessLog.Action.VIEW_FILE)
    assert view.user == clinician and view.file_id == record.pk
