"""In Chromium: the rich-text editor inserts a library picture, by keyboard,
through the "Insert a library picture" dialog, and the page shows it."""

import re

import pytest
from playwright.sync_api import expect

from faq.models import FaqEntry
from images.models import Rendition
from tests.content_factories import ImageFactory
from tests.factories import FaqEntryFactory, SectionFactory, approve

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT = "Blood is taken, cells are grown for two to three weeks, then given back."


@pytest.fixture
def entry():
    image = ImageFactory(title="Cell path", alt_text=ALT)
    approve(image)  # committed: its renditions are made at once
    approve(ImageFactory(title="Receptor", alt_text="NKG2D attaches to MICA."))
    entry = FaqEntryFactory(answer="<p>How the treatment goes.</p>")
    approve(entry)
    return entry


def open_editor(page, live_server, admin_login, user, entry):
    admin_login(
        page, user.email, f"{live_server.url}/admin/faq/faqentry/{entry.pk}/change/"
    )
    expect(page.locator(".ck-editor__editable").first).to_be_visible()


def test_an_editor_inserts_a_library_picture_with_the_keyboard(
    live_server, page, entry, medical_editor, admin_login, axe_violations
):
    open_editor(page, live_server, admin_login, medical_editor, entry)
    # The toolbar offers no picture by address or upload: only the library.
    toolbar = page.locator(".ck-toolbar").first
    expect(toolbar.get_by_role("button", name=re.compile("image", re.I))).to_have_count(
        0
    )
    opener = page.get_by_role("button", name="Insert a library picture").first
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Insert a library picture")
    expect(dialog).to_be_visible()
    search = dialog.get_by_label("Search by title or alt text")
    expect(search).to_be_focused()
    expect(dialog.get_by_role("button", name=re.compile("Cell path"))).to_be_visible()
    assert axe_violations(
        page, impacts=("minor", "moderate", "serious", "critical"),
        include=[".picture-picker__dialog"],
    ) == []  # fmt: skip

    page.keyboard.type("grown")
    expect(dialog.get_by_role("status")).to_have_text(re.compile("found: 1"))
    choice = dialog.get_by_role("button", name=re.compile("Cell path"))
    expect(choice).to_have_count(1)
    page.keyboard.press("Tab")
    expect(choice).to_be_focused()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    editable = page.locator(".ck-editor__editable").first
    expect(editable.locator(f'img[alt="{ALT}"]')).to_be_visible()

    page.click("input[name=_save]")
    page.wait_for_url("**/admin/faq/faqentry/")
    answer = FaqEntry.objects.get(pk=entry.pk).answer
    names = Rendition.objects.filter(format="jpeg").values_list("name", flat=True)
    stored = re.search(r'<img src="/images/([^"]+)" alt="([^"]*)"', answer)
    assert stored and stored.group(1) in names and stored.group(2) == ALT

    approve(FaqEntry.objects.get(pk=entry.pk))
    page.goto(live_server.url + "/faq/")
    picture = page.locator(".prose picture img")
    expect(picture).to_have_attribute("alt", ALT)
    expect(picture).to_have_js_property("complete", True)
    assert page.evaluate("document.querySelector('.prose picture img').naturalWidth")


def test_escape_closes_the_dialog_and_returns_to_its_button(
    live_server, page, entry, medical_editor, admin_login
):
    open_editor(page, live_server, admin_login, medical_editor, entry)
    opener = page.get_by_role("button", name="Insert a library picture").first
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Insert a library picture")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()
    expect(page.locator(".ck-editor__editable img")).to_have_count(0)


def test_the_guide_editor_inserts_a_picture_into_a_section_s_text(
    live_server, page, entry, medical_editor, admin_login
):
    section = SectionFactory(heading="Text part", body="<p>Body text.</p>")
    approve(section.guide)
    admin_login(
        page,
        medical_editor.email,
        f"{live_server.url}/admin/guides/guide/{section.guide_id}/change/",
    )
    page.get_by_role("navigation", name="Jump to a section").get_by_role(
        "link", name="Text part"
    ).click()
    shown = page.locator(".guide-section:not(.empty-form)")
    shown.get_by_role("button", name="Insert a library picture").click()
    page.get_by_role("dialog").get_by_role(
        "button", name=re.compile("Receptor")
    ).click()
    expect(shown.locator(".ck-editor__editable img")).to_have_attribute(
        "alt", "NKG2D attaches to MICA."
    )
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_be_visible()
    section.refresh_from_db()
    assert re.search(
        r'<img src="/images/r/[^"]+" alt="NKG2D attaches to MICA\."', section.body
    )


PASTE = """(html) => {
  const data = new DataTransfer();
  data.setData("text/html", html);
  document.querySelector(".ck-editor__editable").dispatchEvent(
    new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
  );
}"""


def test_a_picture_pasted_from_elsewhere_is_not_kept(
    live_server, page, entry, medical_editor, admin_login
):
    open_editor(page, live_server, admin_login, medical_editor, entry)
    page.locator(".ck-editor__editable").first.click()
    page.evaluate(
        PASTE,
        '<p>Pasted words.</p><img src="https://tracker.example/p.gif" alt="Pixel">',
    )
    # The editor itself takes the picture in; the server keeps none of it.
    expect(page.locator(".ck-editor__editable img")).to_have_count(1)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/faq/faqentry/")
    answer = FaqEntry.objects.get(pk=entry.pk).answer
    assert "Pasted words." in answer
    assert "<img" not in answer and "tracker" not in answer
