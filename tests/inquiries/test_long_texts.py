"""Long texts are counted, never cut: the page shows the limit and a counter, the
server refuses a longer text by how much and keeps every character."""

import re

import pytest
from django.core.exceptions import ValidationError
from playwright.sync_api import expect

from inquiries.models import Inquiry
from inquiries.triage import inquiry_add_note
from tests.browser.conftest import axe_violations  # noqa: F401

from .test_browser import fill_form
from .test_submit import post

ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


def textarea(html, name):
    return re.search(
        rf"<textarea[^>]*name=\"{name}\"[^>]*>(.*?)</textarea>", html, re.S
    )


@pytest.mark.django_db
def test_the_long_fields_show_their_limit_and_let_the_browser_cut_nothing(
    client, guide
):
    html = client.get("/inquire/").content.decode()
    for name in ("current_condition", "questions"):
        tag = textarea(html, name)[0]
        assert "maxlength" not in tag
        assert 'data-limit="5000"' in tag
    assert "ongoing treatment. Up to 5,000 characters." in html
    assert '<script src="/static/inquiries/counter.js" defer></script>' in html


@pytest.mark.django_db
def test_a_text_over_the_limit_is_refused_by_how_much_and_kept_whole(client, form_data):
    history = ("Scan in May; marker rising. " * 300)[:5999] + "."
    response = post(client, {**form_data, "current_condition": history})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "This is 6,000 characters long and the limit is 5,000: please shorten it "
        "by 1,000. Everything you typed is kept."
    ) in html
    assert 'href="#id_current_condition"' in html  # named in the error summary
    kept = textarea(html, "current_condition")[1]
    assert len(kept.strip("\n")) == 6000
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_line_breaks_count_once_as_the_counter_counts_them(client, form_data):
    """Browsers send CRLF; the page's counter counts a line break as one."""
    text = "a" * 2500 + "\r\n" + "b" * 2499
    response = post(client, {**form_data, "questions": text})
    assert response.status_code == 302
    assert len(Inquiry.objects.get().questions) == 5000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_counter_warns_at_360px_and_the_server_keeps_the_text(
    live_server,
    page,
    guide,
    axe_violations,  # noqa: F811
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/inquire/?guide={guide.slug}")
    counter = page.locator("#id_current_condition_counter")
    assert counter.inner_text() == "You have 5,000 characters left of 5,000."
    fill_form(page)
    assert counter.inner_text() == "You have 4,971 characters left of 5,000."
    history = ("Scan in May; marker rising. " * 300)[:5999] + "."
    page.get_by_label("Current condition").fill(history)
    assert counter.inner_text() == (
        "1,000 characters too many: shorten the text to 5,000 characters or "
        "fewer. Nothing is removed for you."
    )
    assert "field__counter--over" in counter.get_attribute("class")
    assert len(page.get_by_label("Current condition").input_value()) == 6000
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    # Screen readers hear it once typing pauses.
    expect(page.locator("#id_current_condition_counter + [aria-live]")).to_have_text(
        re.compile("1,000 characters too many")
    )

    page.get_by_role("button", name="Send my inquiry").click()
    error = page.locator("#id_current_condition_error")
    error.wait_for()
    assert "please shorten it by 1,000" in error.inner_text()
    assert len(page.get_by_label("Current condition").input_value()) == 6000
    assert (
        "1,000 characters too many"
        in page.locator("#id_current_condition_counter").inner_text()
    )
    assert axe_violations(page, impacts=ALL_IMPACTS) == []
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_a_coordinators_note_over_the_limit_is_refused_not_cut(
    make_inquiry, coordinator
):
    inquiry = make_inquiry()
    with pytest.raises(ValidationError) as refused:
        inquiry_add_note(inquiry=inquiry, actor=coordinator, text="n" * 5001)
    assert "This is 5,001 characters long and the limit is 5,000" in str(refused.value)
    event = inquiry_add_note(inquiry=inquiry, actor=coordinator, text="n" * 5000)
    assert len(event.note) == 5000


@pytest.mark.django_db
def test_no_field_of_the_form_lets_the_browser_cut_a_paste(client, form_data):
    """Short fields keep their limit on the server only: refused and kept."""
    page = client.get("/inquire/").content.decode()
    form = page[page.index('<form class="inquiry-form"') :]
    assert "maxlength" not in form[: form.index("</form>")]
    name = "Maria " * 25  # 149 characters once stripped
    response = post(client, {**form_data, "patient_name": name})
    html = response.content.decode()
    assert "at most 120 characters (it has 149)" in html
    assert f'value="{name}"' in html  # as typed
    assert not Inquiry.objects.exists()
