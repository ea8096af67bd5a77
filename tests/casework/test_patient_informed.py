"""The secure link keeps the patient informed: where the case is, what we have
received and what happens next; nothing typed is ever cut; the records go to
hospitals abroad only with the patient's separate consent."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats
from django.utils.html import escape

from cancerfax import roles
from casework.messaging import MAX_BODY
from casework.models import Message
from casework.patient_links import patient_link_issue
from casework.patient_page import NEXT_WORDS, STATE_WORDS
from guides.models import CancerIndication
from inquiries.consent import transfer_country_names
from inquiries.models import AccessLog, Inquiry, InquiryEvent, InquiryFile
from inquiries.services import inquiry_submit
from inquiries.transfer import TransferConsentMissing, transfer_consent_give
from inquiries.triage import inquiry_transition
from inquiries.workflow import Status
from tests.conftest import make_user

from ..inquiries.conftest import submission_values

pytestmark = pytest.mark.django_db

RECEIVED = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)


def _file(inquiry, name, n):
    return InquiryFile.objects.create(
        inquiry=inquiry,
        stored_name=f"ab/{n:032x}.pdf",
        original_name=name,
        kind=InquiryFile.Kind.PDF,
        size=1000,
        sha256="0" * 64,
        uploaded_at=RECEIVED,
    )


@pytest.fixture(scope="module")
def case(module_db, module_indication, django_db_blocker):
    """One patient's case with a file and a message each way, another patient's
    case beside it, a coordinator and the patient's secure link: built once."""
    assert module_db
    with django_db_blocker.unblock():
        coordinator = make_user(get_user_model(), "coord", roles.COORDINATOR)
        make_user(get_user_model(), "doctor", roles.CLINICIAN)  # the question box
        data = submission_values(CancerIndication.objects.get(pk=module_indication))
        mine, other = (
            inquiry_submit(submission_key=key, data=data, consent_version="2026-12")
            for key in ("informed-mine", "informed-other")
        )
        Inquiry.objects.filter(pk=mine.pk).update(received_at=RECEIVED)
        _file(mine, "Biopsy report.pdf", 1)
        _file(other, "Someone else's scan.pdf", 2)
        Message.objects.create(
            inquiry=mine, direction="to_patient", body="Please send your CT scan."
        )
        Message.objects.create(
            inquiry=mine, direction="from_patient", body="It is on its way."
        )
        token = patient_link_issue(inquiry=mine, actor=coordinator)[1]
    return {
        "inquiry": mine.pk,
        "coordinator": coordinator.pk,
        "url": f"/my-inquiry/{token}/",
    }


@pytest.fixture
def inquiry(db, case):
    return Inquiry.objects.get(pk=case["inquiry"])


@pytest.fixture
def coordinator(db, case, django_user_model):
    return django_user_model.objects.get(pk=case["coordinator"])


def at_status(inquiry, status):
    Inquiry.objects.filter(pk=inquiry.pk).update(status=status)
    inquiry.refresh_from_db()


@pytest.mark.parametrize("status", Status.values)
def test_the_page_says_where_the_case_is_what_came_and_what_happens_next(
    client, settings, inquiry, case, status
):
    at_status(inquiry, status)
    views = AccessLog.objects.filter(action=AccessLog.Action.PATIENT_VIEW).count()
    html = client.get(case["url"]).content.decode()
    assert escape(str(STATE_WORDS[status])) in html
    expected_next = str(NEXT_WORDS[status]) % {
        "hours": settings.INQUIRY_FIRST_RESPONSE_HOURS
    }
    assert escape(expected_next) in html
    assert "What happens next" in html and "What we have received" in html
    assert "Your inquiry form, received 3 November 2026" in html
    assert "Biopsy report.pdf</span> · received 3 November 2026" in html
    assert "1 message from you (below)" in html
    assert "Please send your CT scan." in html and "It is on its way." in html
    # Only this patient's own data; every view is still logged.
    assert "Someone else" not in html
    assert (
        AccessLog.objects.filter(action=AccessLog.Action.PATIENT_VIEW).count()
        == views + 1
    )
    assert ("Write to your coordinator" in html) is (status != Status.CLOSED)


def test_a_new_case_promises_the_first_reply_time_from_the_setting(
    client, settings, case, inquiry
):
    settings.INQUIRY_FIRST_RESPONSE_HOURS = 48
    html = client.get(case["url"]).content.decode()
    assert "A coordinator usually replies within 48 hours on working days." in html


def textarea(html, name):
    pattern = rf"<textarea[^>]*name=\"{name}\"[^>]*>(.*?)</textarea>"
    return re.search(pattern, html, re.S)


def test_the_patients_long_message_is_refused_by_how_much_and_kept_whole(
    client, case, inquiry
):
    page = client.get(case["url"]).content.decode()
    tag = textarea(page, "body")[0]
    assert "maxlength" not in tag and f'data-limit="{MAX_BODY}"' in tag
    assert "Up to 10,000 characters." in page
    assert '<script src="/static/inquiries/counter.js" defer></script>' in page

    text = "My history, in full. " * 500 + "x"  # 10,501 characters
    response = client.post(case["url"], {"body": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "This is 10,501 characters long and the limit is 10,000: please shorten it "
        "by 501. Everything you typed is kept."
    ) in html
    assert textarea(html, "body")[1] == escape(text)
    assert not inquiry.messages.filter(body__startswith="My history").exists()


def workspace(inquiry):
    return f"/admin/inquiries/inquiry/{inquiry.pk}/change/"


def test_the_coordinators_boxes_count_and_refuse_never_cut(
    client, coordinator, inquiry
):
    client.force_login(coordinator)
    page = client.get(workspace(inquiry)).content.decode()
    for name, limit in (("body", 10_000), ("question", 5000), ("note", 5000)):
        tag = textarea(page, name)[0]
        assert "maxlength" not in tag and f'data-limit="{limit}"' in tag, name
    assert "/static/inquiries/counter.js" in page

    note = "Spoke to the GP. " * 300  # 5,100 characters
    response = client.post(
        workspace(inquiry),
        {"action": "save", "priority": "3", "assignee": "nobody", "note": note},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This is 5,099 characters long and the limit is 5,000" in html
    assert escape(note.strip()) in html
    assert not inquiry.events.filter(kind=InquiryEvent.Kind.NOTE).exists()


def test_without_the_transfer_consent_the_case_cannot_go_to_hospitals(
    client, coordinator, inquiry
):
    at_status(inquiry, Status.MEDICAL_REVIEW)
    client.force_login(coordinator)
    page = client.get(workspace(inquiry)).content.decode()
    consent = page[page.index('id="cw-transfer-consent"') :]
    assert "partner hospitals abroad (China, India): not given." in consent
    assert (
        escape(
            "Hospital coordination (needs the patient's consent to send records abroad)"
        )
        in page
    )

    response = client.post(
        workspace(inquiry),
        {
            "action": "save",
            "to_status": Status.HOSPITAL_COORDINATION,
            "priority": "3",
            "assignee": "nobody",
            "note": "Sending to the partner hospital.",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The patient has not agreed to their records being sent" in html
    assert "(China, India)" in html
    assert "Sending to the partner hospital." in html  # kept
    inquiry.refresh_from_db()
    assert inquiry.status == Status.MEDICAL_REVIEW


def test_the_patient_gives_the_transfer_consent_on_their_page(
    client, coordinator, case, inquiry
):
    at_status(inquiry, Status.MEDICAL_REVIEW)
    page = client.get(case["url"]).content.decode()
    assert "partner hospitals in China and India" in page
    assert 'value="transfer_consent"' in page

    unticked = client.post(case["url"], {"action": "transfer_consent"})
    assert unticked.status_code == 400
    assert "Tick the box to give this consent" in unticked.content.decode()
    inquiry.refresh_from_db()
    assert not inquiry.has_transfer_consent

    ticked = client.post(
        case["url"], {"action": "transfer_consent", "transfer_consent": "on"}
    )
    assert ticked.status_code == 302 and ticked["Location"].endswith("sent=consent")
    inquiry.refresh_from_db()
    assert inquiry.transfer_consent_version == "2026-12"
    assert inquiry.transfer_consent_given_at is not None
    assert inquiry.events.filter(kind=InquiryEvent.Kind.CONSENT).exists()
    html = client.get(ticked["Location"]).content.decode()
    assert "your consent was recorded" in html
    day = formats.date_format(inquiry.transfer_consent_given_at, "j F Y")
    assert f"You agreed on {day} that we may send your medical records" in html

    inquiry_transition(
        inquiry=inquiry, to_status=Status.HOSPITAL_COORDINATION, actor=coordinator
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.HOSPITAL_COORDINATION


def test_the_refusal_names_the_countries_of_the_consent(coordinator, inquiry):
    at_status(inquiry, Status.MEDICAL_REVIEW)
    with pytest.raises(TransferConsentMissing) as refused:
        inquiry_transition(
            inquiry=inquiry, to_status=Status.HOSPITAL_COORDINATION, actor=coordinator
        )
    assert ", ".join(transfer_country_names()) in refused.value.messages[0]
    assert refused.value.code == "transfer_consent_missing"
    transfer_consent_give(inquiry=inquiry)
    transfer_consent_give(inquiry=inquiry)  # twice changes nothing
    assert inquiry.events.filter(kind=InquiryEvent.Kind.CONSENT).count() == 1
