import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from guides.models import CancerIndication
from reviews.selectors import visible

from .consent import (
    CONSENT_TEXTS,
    CURRENT_CONSENT_VERSION,
    MARKETING_CONSENT_TEXT,
    transfer_consent,
)
from .countries import country_choices
from .files import CheckedUpload
from .models import Inquiry
from .text_limits import limit_hint, text_within_limit, without_maxlength
from .upload_checks import StagedUploadsMixin
from .upload_fields import MultipleFileField
from .widgets import LongSelect

OTHER = "other"
PHONE_PATTERN = re.compile(r"^\+[0-9 ()./-]+$")
MONTHS = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]
EARLIEST_DIAGNOSIS_YEAR = 1950
# The long texts have no ``max_length``: Django would put ``maxlength`` on the
# textarea, and a browser then cuts a longer paste without a word. The page
# counts instead (static/inquiries/counter.js) and the server refuses, keeping
# every character typed.
LONG_TEXT_LIMIT = 5000
LONG_TEXTS = ("current_condition", "questions")


def strip_invisible(value: str, *, multiline: bool = False) -> str:
    """Drop control and direction-override characters a person never types."""
    keep = {"\n", "\t"} if multiline else set()
    value = value.replace("\r\n", "\n")
    return "".join(
        ch for ch in value if ch in keep or unicodedata.category(ch)[0] != "C"
    ).strip()


def page_language_choice() -> str:
    """The form's language choice for the page's language, English otherwise."""
    code = (get_language() or "").split("-")[0]
    return code if code in Inquiry.Language.values else Inquiry.Language.ENGLISH


class InquiryForm(StagedUploadsMixin, forms.Form):
    """The public intake form. Files are inspected one by one: a refused file
    is reported by name and does not discard the others (``accepted_uploads``).
    """

    writer_role = forms.ChoiceField(
        label=_("Who is writing?"),
        choices=Inquiry.WriterRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us who is writing.")},
    )
    patient_name = forms.CharField(
        label=_("Patient's full name"),
        max_length=120,
        help_text=_("As it appears on the medical reports."),
        error_messages={"required": _("Enter the patient's name.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send the reference and our answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.com."),
        },
    )
    phone = forms.CharField(
        label=_("Phone number with country code"),
        required=False,
        max_length=32,
        help_text=_(
            "Start with + and the country code, for example +44 20 7946 0958. "
            "Needed if you prefer a call or WhatsApp."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}
        ),
    )
    country = forms.ChoiceField(
        label=_("Country where the patient lives"),
        # A callable: the names are read in the language of each request.
        choices=lambda: [("", _("Choose a country")), *country_choices()],
        widget=LongSelect,
        error_messages={"required": _("Choose the country where the patient lives.")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Inquiry.Language.choices,
        initial=Inquiry.Language.ENGLISH,
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=Inquiry.ContactMethod.choices,
        initial=Inquiry.ContactMethod.EMAIL,
        widget=forms.RadioSelect,
    )
    cancer_type = forms.ChoiceField(
        label=_("Type of cancer"),
        error_messages={
            "required": _("Choose the type of cancer, or “Other or not sure”.")
        },
    )
    cancer_type_other = forms.CharField(
        label=_("If other or not sure: describe the diagnosis"),
        required=False,
        max_length=200,
    )
    diagnosis_month = forms.TypedChoiceField(
        label=_("Month of diagnosis"),
        choices=[("", _("Not sure"))] + MONTHS,
        coerce=int,
        empty_value=None,
        required=False,
    )
    diagnosis_year = forms.IntegerField(
        label=_("Year of diagnosis"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the year of diagnosis, for example 2024."),
            "invalid": _("Enter the year of diagnosis as four digits, like 2024."),
        },
    )
    stage = forms.ChoiceField(
        label=_("Stage, if known"),
        choices=Inquiry.Stage.choices,
        initial=Inquiry.Stage.UNKNOWN,
        required=False,
    )
    treatments = forms.MultipleChoiceField(
        label=_("Treatments so far"),
        choices=Inquiry.Treatment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick all that apply."),
    )
    treatments_other = forms.CharField(
        label=_("Other treatments"), required=False, max_length=300
    )
    current_condition = forms.CharField(
        label=_("Current condition"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "How is the patient now? Recent scans, symptoms, daily activity, "
            "ongoing treatment."
        ),
        error_messages={
            "required": _("Describe the patient's current condition in a few words.")
        },
    )
    questions = forms.CharField(
        label=_("Your questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    medical_records = MultipleFileField(
        label=_("Medical records"),
        required=False,
    )
    remove_files = forms.MultipleChoiceField(
        label=_("Remove"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        # Lazy: shown in the page's language, the version's text in it.
        label=CONSENT_TEXTS[CURRENT_CONSENT_VERSION],
        error_messages={
            "required": _(
                "We can only look at your case with your consent: tick the box."
            )
        },
    )
    # Separate and optional: the records go abroad only with this tick, given
    # here or later on the patient's secure page.
    transfer_consent = forms.BooleanField(label=transfer_consent().text, required=False)
    marketing_consent = forms.BooleanField(label=MARKETING_CONSENT_TEXT, required=False)
    # A field people never see: only bots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(
        self,
        *args,
        staged_files=(),
        skipped_uploads=(),
        request_too_large=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.staged_files = list(staged_files)
        self.skipped_uploads = list(skipped_uploads)
        self.request_too_large = request_too_large
        self.accepted_uploads: list[CheckedUpload] = []
        # The reader's language first: the page's (ar, zh-hans: zh) where the
        # form offers it.
        self.fields["preferred_language"].initial = page_language_choice()
        self.kept_files = list(self.staged_files)
        self.indications = {
            str(indication.pk): indication
            for indication in visible(CancerIndication.objects.all())
        }
        self.fields["cancer_type"].choices = [
            ("", _("Choose…")),
            *((pk, indication.name) for pk, indication in self.indications.items()),
            (OTHER, _("Other or not sure")),
        ]
        self.fields["remove_files"].choices = [
            (str(staged.pk), staged.original_name) for staged in self.staged_files
        ]
        self.fields["medical_records"].help_text = _(
            "Reports, scans and test results as PDF, JPEG, PNG or DICOM: up to "
            "%(files)d files, %(size)s each, %(total)s together."
        ) % {
            "files": settings.INQUIRY_MAX_FILES,
            "size": filesizeformat(settings.INQUIRY_MAX_FILE_SIZE),
            "total": filesizeformat(settings.INQUIRY_MAX_TOTAL_SIZE),
        }
        for name in LONG_TEXTS:
            field = self.fields[name]
            field.help_text = f"{field.help_text} {limit_hint(LONG_TEXT_LIMIT)}".strip()
            # Read by static/inquiries/counter.js, which counts as the server does.
            field.widget.attrs["data-limit"] = LONG_TEXT_LIMIT
        without_maxlength(self)
        self.this_year = timezone.localdate().year
        self.fields["diagnosis_year"].min_value = EARLIEST_DIAGNOSIS_YEAR
        self.fields["diagnosis_year"].max_value = self.this_year

    def _visible_text(self, name, *, multiline=False):
        value = strip_invisible(self.cleaned_data[name], multiline=multiline)
        if not value and self.fields[name].required:
            raise ValidationError(
                self.fields[name].error_messages["required"], code="required"
            )
        if name in LONG_TEXTS:
            text_within_limit(value, LONG_TEXT_LIMIT)
        return value

    def clean_patient_name(self):
        return self._visible_text("patient_name")

    def clean_cancer_type_other(self):
        return self._visible_text("cancer_type_other")

    def clean_treatments_other(self):
        return self._visible_text("treatments_other")

    def clean_current_condition(self):
        return self._visible_text("current_condition", multiline=True)

    def clean_questions(self):
        return self._visible_text("questions", multiline=True)

    def clean_phone(self):
        raw = strip_invisible(self.cleaned_data["phone"])
        if not raw:
            return ""
        if raw.startswith("00"):
            raw = "+" + raw[2:]
        if not PHONE_PATTERN.match(raw):
            raise ValidationError(
                _("Start with + and the country code, for example +44 20 7946 0958."),
                code="phone_format",
            )
        digits = re.sub(r"\D", "", raw)
        if not 8 <= len(digits) <= 15:
            raise ValidationError(
                _("A phone number with its country code has 8 to 15 digits."),
                code="phone_length",
            )
        return "+" + digits

    def clean_diagnosis_year(self):
        year = self.cleaned_data["diagnosis_year"]
        if not EARLIEST_DIAGNOSIS_YEAR <= year <= self.this_year:
            raise ValidationError(
                _("Enter a year between %(first)d and %(last)d.")
                % {"first": EARLIEST_DIAGNOSIS_YEAR, "last": self.this_year},
                code="year_range",
            )
        return year

    def clean_cancer_type(self):
        value = self.cleaned_data["cancer_type"]
        # The live row: the inquiry points at the cancer type, not at its words.
        return None if value == OTHER else self.indications[value].obj

    def clean_website(self):
        # Not an error for the sender: the view holds such submissions for a
        # coordinator to release (autofill fills it for some real patients).
        return self.cleaned_data["website"]

    def clean(self):
        cleaned = super().clean()
        other_needed = "cancer_type" in cleaned and cleaned["cancer_type"] is None
        if other_needed and not cleaned.get("cancer_type_other"):
            self.add_error(
                "cancer_type_other",
                ValidationError(
                    _("Describe the diagnosis in a few words."),
                    code="cancer_type_other_required",
                ),
            )
        if (
            cleaned.get("contact_method")
            in {
                Inquiry.ContactMethod.PHONE,
                Inquiry.ContactMethod.WHATSAPP,
            }
            and not cleaned.get("phone")
            and "phone" not in self.errors
        ):
            self.add_error(
                "phone",
                ValidationError(
                    _("Enter a phone number so we can call you, or choose e-mail."),
                    code="phone_required",
                ),
            )
        year, month = cleaned.get("diagnosis_year"), cleaned.get("diagnosis_month")
        today = timezone.localdate()
        if year == today.year and month and month > today.month:
            self.add_error(
                "diagnosis_month",
                ValidationError(
                    _("The month of diagnosis cannot be in the future."),
                    code="month_future",
                ),
            )
        self.clean_uploads(cleaned)
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def submission_data(self) -> dict:
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name
            not in {
                "medical_records",
                "remove_files",
                "consent",
                "transfer_consent",
                "marketing_consent",
                "website",
            }
        }

    # The summary names each field briefly: a consent's label is a paragraph.
    SUMMARY_LABELS = {
        "consent": _("Consent"),
        "transfer_consent": _("Sending records abroad"),
        "marketing_consent": _("News by e-mail"),
    }

    def error_summary(self):
        """(anchor, short label, message) for every error, in the form's order."""
        summary = [(None, None, message) for message in self.non_field_errors()]
        for field in self:
            for message in field.errors:
                anchor = field.auto_id
                if field.field.widget.use_fieldset:
                    anchor = f"{field.auto_id}_0"
                label = self.SUMMARY_LABELS.get(field.name, field.label)
                summary.append((anchor, label, message))
        return summary
