"""The intake form: every field accepts what it should and says what to fix."""

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guides.models import CancerIndication
from inquiries.forms import InquiryForm
from tests.conftest import examples

from .samples import upload

THIS_YEAR = timezone.localdate().year
FUZZ = settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def bound(form_data, **changes):
    data = {**form_data, **changes}
    for name, value in changes.items():
        if value is None:
            del data[name]
    return InquiryForm(data)


def test_a_complete_form_is_valid(form_data, indication):
    form = bound(form_data)
    assert form.is_valid(), form.errors
    data = form.submission_data()
    assert data["cancer_type"] == indication
    assert data["phone"] == "+442079460958"
    assert data["treatments"] == ["surgery", "tace"]
    assert "consent" not in data and "website" not in data


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("writer_role", None, "Tell us who is writing."),
        ("writer_role", "alien", "Select a valid choice"),
        ("patient_name", "", "Enter the patient's name."),
        ("patient_name", "\u202e\u200b ", "Enter the patient's name."),
        ("patient_name", "x" * 121, "at most 120 characters"),
        ("email", "", "Enter your e-mail address."),
        ("email", "not-an-email", "Enter an e-mail address like"),
        ("email", "a@b.c\n", "Enter an e-mail address like"),
        ("phone", "020 7946 0958", "Start with + and the country code"),
        ("phone", "+44 20 <script>", "Start with + and the country code"),
        ("phone", "+12 34", "8 to 15 digits"),
        ("phone", "+1234 5678 9012 3456", "8 to 15 digits"),
        ("country", "", "Choose the country where the patient lives."),
        ("country", "XX", "Select a valid choice"),
        ("preferred_language", "tlh", "Select a valid choice"),
        ("contact_method", "pigeon", "Select a valid choice"),
        ("cancer_type", "", "Choose the type of cancer"),
        ("cancer_type", "999999", "Select a valid choice"),
        ("diagnosis_month", "13", "Select a valid choice"),
        ("diagnosis_year", "", "Enter the year of diagnosis, for example 2024."),
        ("diagnosis_year", "abcd", "four digits"),
        ("diagnosis_year", "1900", "1950"),
        ("diagnosis_year", str(THIS_YEAR + 1), str(THIS_YEAR)),
        ("stage", "9", "Select a valid choice"),
        ("treatments", ["magic"], "Select a valid choice"),
        ("treatments_other", "x" * 301, "at most 300 characters"),
        ("current_condition", "", "current condition"),
        ("current_condition", "x" * 5001, "the limit is 5,000: please shorten it by 1"),
        ("questions", "x" * 5001, "the limit is 5,000: please shorten it by 1."),
        ("consent", None, "We can only look at your case with your consent"),
    ],
)
def test_each_invalid_value_is_refused_with_a_message_next_to_the_field(
    form_data, field, value, message
):
    form = bound(form_data, **{field: value})
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_other_cancer_type_needs_a_description(form_data):
    form = bound(form_data, cancer_type="other", cancer_type_other="")
    assert not form.is_valid()
    assert "Describe the diagnosis" in form.errors["cancer_type_other"][0]


def test_other_cancer_type_with_a_description_is_valid(form_data):
    form = bound(form_data, cancer_type="other", cancer_type_other="Cholangiocarcinoma")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["cancer_type"] is None


def test_a_call_or_whatsapp_needs_a_phone_number(form_data):
    form = bound(form_data, contact_method="whatsapp", phone="")
    assert not form.is_valid()
    assert "Enter a phone number" in form.errors["phone"][0]


def test_a_diagnosis_month_in_the_future_is_refused(form_data):
    today = timezone.localdate()
    if today.month == 12:
        pytest.skip("No future month this year in December.")
    form = bound(form_data, diagnosis_year=str(today.year), diagnosis_month="12")
    assert not form.is_valid()
    assert "future" in form.errors["diagnosis_month"][0]


@pytest.mark.parametrize(
    ("field", "value", "cleaned"),
    [
        ("phone", "0044 20 7946 0958", "+442079460958"),
        ("phone", "+86 (138) 1234-5678", "+8613812345678"),
        ("phone", "", ""),
        ("diagnosis_month", "", None),
        ("stage", "unknown", "unknown"),
        ("treatments", None, []),
        ("questions", "", ""),
        ("patient_name", "  Ana\u200b María\u202e  ", "Ana María"),
        ("current_condition", "Line one\r\nLine two\x07", "Line one\nLine two"),
        ("marketing_consent", "on", True),
    ],
)
def test_valid_values_are_cleaned(form_data, field, value, cleaned):
    form = bound(form_data, **{field: value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data[field] == cleaned


def test_only_published_cancer_types_are_offered(form_data, indication):
    draft = CancerIndication.objects.create(
        name="Draft type", slug="draft-type", summary="<p>x</p>", status="draft"
    )
    choices = dict(InquiryForm().fields["cancer_type"].choices)
    assert str(indication.pk) in choices
    assert str(draft.pk) not in choices
    form = bound(form_data, cancer_type=str(draft.pk))
    assert not form.is_valid()


def test_the_error_summary_links_to_each_field_in_form_order(form_data):
    form = bound(form_data, writer_role=None, email="nope", consent=None)
    form.is_valid()
    anchors = [anchor for anchor, label, message in form.error_summary()]
    assert anchors == ["id_writer_role_0", "id_email", "id_consent"]


def test_the_honeypot_marks_a_submission_as_spam(form_data):
    form = bound(form_data, website="http://spam.example")
    assert form.is_spam


text_fields = st.fixed_dictionaries(
    {
        "patient_name": st.text(max_size=150),
        "email": st.one_of(st.emails(), st.text(max_size=60)),
        "phone": st.text(alphabet="+0123456789 ()-./x", max_size=40),
        "cancer_type_other": st.text(max_size=250),
        "treatments_other": st.text(max_size=320),
        "current_condition": st.text(max_size=6000),
        "questions": st.text(max_size=600),
        "diagnosis_year": st.text(max_size=6),
    }
)


@FUZZ
@given(values=text_fields)
def test_any_text_in_any_field_validates_without_crashing(form_data, values):
    form = bound(form_data, **values)
    if form.is_valid():
        data = form.submission_data()
        assert len(data["patient_name"]) <= 120
        assert "\x00" not in data["current_condition"]
        assert not data["phone"] or data["phone"][1:].isdigit()
    else:
        assert form.error_summary()


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(values=text_fields, name=st.text(max_size=80))
def test_the_page_never_fails_and_escapes_what_was_typed(
    client, settings, form_data, values, name
):
    settings.INQUIRY_RATE_LIMIT = 10_000
    hostile = "<script>alert(1)</script>"
    data = {**form_data, **values, "questions": values["questions"] + hostile}
    response = client.post(
        "/inquire/", {**data, "medical_records": [_named_upload(name)]}
    )
    assert response.status_code in (200, 302)
    assert hostile.encode() not in response.content


def _named_upload(name):
    # Django's test upload refuses names that are no file name at all ("/", "..");
    # a browser would send those as a bare name, which the form never sees.
    try:
        return upload(name or "x", b"not a record")
    except SuspiciousFileOperation:
        return upload("x", b"not a record")
