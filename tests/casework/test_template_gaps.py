"""A reply built from a template with nothing to fill a placeholder is not sent:
the gap is named, and the coordinator's text is kept."""

import html

import pytest

from casework.messaging import message_send, template_fill
from casework.models import Message, PatientLink
from inquiries.models import OutboxEmail

pytestmark = pytest.mark.django_db
TEMPLATE = "Maybe: {reasoning}\nCentres:\n{centres}\nRegards, {coordinator}"


def page(inquiry):
    return f"/admin/inquiries/inquiry/{inquiry.pk}/change/"


def test_an_empty_placeholder_becomes_a_named_gap_not_blank_lines(inquiry, coordinator):
    coordinator.display_name = "Sam Lee"
    text = template_fill(body=TEMPLATE, inquiry=inquiry, coordinator=coordinator)
    assert text == (
        "Maybe: [MISSING: clinician's reasoning]\n"
        "Centres:\n[MISSING: treatment centres]\nRegards, Sam Lee"
    )


def test_a_reply_with_a_gap_is_refused_naming_it_and_nothing_goes_out(
    inquiry, coordinator
):
    links = PatientLink.objects.count()
    body = template_fill(body=TEMPLATE, inquiry=inquiry, coordinator=coordinator)
    with pytest.raises(Exception) as refused:
        message_send(inquiry=inquiry, author=coordinator, body=body)
    assert refused.value.code == "template_gap"
    assert "gap where the clinician's reasoning, treatment centres should be" in str(
        refused.value
    )
    assert not Message.objects.exists()
    assert not OutboxEmail.objects.filter(kind="patient_notice").exists()
    assert PatientLink.objects.count() == links


def test_a_raw_placeholder_left_in_the_text_is_a_gap_too(inquiry, coordinator):
    with pytest.raises(Exception) as refused:
        message_send(
            inquiry=inquiry, author=coordinator, body="We suggest:\n{centres}\n"
        )
    assert "treatment centres" in str(refused.value)


def test_once_the_gap_is_written_in_the_reply_is_sent(inquiry, coordinator):
    body = template_fill(body=TEMPLATE, inquiry=inquiry, coordinator=coordinator)
    body = body.replace("[MISSING: clinician's reasoning]", "a second opinion.")
    body = body.replace("[MISSING: treatment centres]", "- River Institute, Chennai")
    message = message_send(inquiry=inquiry, author=coordinator, body=body)
    assert "River Institute" in message.body


def test_the_workspace_refuses_the_gap_and_keeps_the_text(
    client, inquiry, coordinator, templates
):
    client.force_login(coordinator)
    body = (
        "Maybe: worth a look.\nCentres:\n[MISSING: treatment centres]\n"
        "My own words stay."
    )
    response = client.post(
        page(inquiry),
        {
            "action": "send",
            "assignee": "nobody",
            "priority": "1",
            "template": "worth_considering",
            "body": body,
        },
    )
    assert response.status_code == 400  # the workspace with its errors
    text = html.unescape(response.content.decode())
    assert "it still has a gap where the treatment centres should be" in text
    assert "My own words stay." in text and "[MISSING: treatment centres]" in text
    assert not inquiry.messages.exists()


def test_choosing_a_template_without_an_assessment_shows_the_gaps(
    client, inquiry, coordinator, templates
):
    client.force_login(coordinator)
    response = client.post(
        page(inquiry),
        {
            "action": "template",
            "template": "referred",
            "priority": "3",
            "assignee": "nobody",
        },
    )
    assert response.status_code == 200
    assert "[MISSING: treatment centres]" in html.unescape(response.content.decode())
