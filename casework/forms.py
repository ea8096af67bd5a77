"""Forms of the workspace, the clinician's page and the patient's page.

Forms validate input; the services in this app decide and save.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cancerfax.ids import IdsInRangeField
from inquiries.files import (
    CheckedUpload,
    FileRejected,
    inspect_upload,
    too_large_message,
)
from inquiries.text_limits import LimitedTextField
from inquiries.transfer import NEEDS_TRANSFER_CONSENT
from inquiries.triage import MAX_NOTE
from inquiries.upload_fields import MultipleFileField
from inquiries.workflow import Outcome, Priority, Status, allowed_transitions

from .assessments import MAX_QUESTION
from .messaging import MAX_BODY
from .models import Assessment, MessageTemplate, TreatmentCentre

KEEP = ""
NOBODY = "nobody"


def _status_label(inquiry, status) -> str:
    """A move the transfer consent blocks says so before it is chosen."""
    label = Status(status).label
    if status in NEEDS_TRANSFER_CONSENT and not inquiry.has_transfer_consent:
        return _("%(status)s (needs the patient's consent to send records abroad)") % {
            "status": label
        }
    return label


class PanelForm(forms.Form):
    """Status, assignee, priority and note: the sticky panel, one submit."""

    to_status = forms.ChoiceField(label=_("Status"), required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome (to close)"),
        required=False,
        choices=[("", "—"), *Outcome.choices],
    )
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int
    )
    note = LimitedTextField(
        label=_("Internal note (never shown to the patient)"),
        required=False,
        limit=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, inquiry, user, coordinators, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "to_status": KEEP,
                "assignee": str(inquiry.assignee_id) if inquiry.assignee_id else NOBODY,
                "priority": inquiry.priority,
            },
        )
        super().__init__(*args, **kwargs)
        self.coordinators = {str(person.pk): person for person in coordinators}
        current = Status(inquiry.status).label
        self.fields["to_status"].choices = [
            (KEEP, _("%(status)s (no change)") % {"status": current}),
            *(
                (status, _status_label(inquiry, status))
                for status in allowed_transitions(inquiry.status)
            ),
        ]
        me = self.coordinators.get(str(user.pk))
        people = [(NOBODY, _("Nobody"))]
        if me is not None:
            people.append(
                (str(me.pk), _("Me (%(name)s)") % {"name": me.get_display_name()})
            )
        people += [
            (pk, person.get_display_name())
            for pk, person in self.coordinators.items()
            if person.pk != user.pk
        ]
        self.fields["assignee"].choices = people

    def clean(self):
        data = super().clean()
        if data.get("to_status") == Status.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Choose an outcome to close the inquiry."))
        if "assignee" in data:  # absent when the posted value was not a choice
            value = data["assignee"]
            data["assignee_user"] = (
                None if value in (NOBODY, "") else self.coordinators[value]
            )
        return data


class ReplyForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Start from a template"),
        required=False,
        choices=[("", "—"), *MessageTemplate.Purpose.choices],
    )
    body = LimitedTextField(
        label=_("Message to the patient"),
        required=False,
        limit=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    assessment = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AssessmentRequestForm(forms.Form):
    """Part of the workspace's one form: read with every submit (a question
    typed is never dropped), acted on by "Send for assessment"."""

    clinician = forms.ChoiceField(label=_("Clinician"), required=False)
    question = LimitedTextField(
        label=_("Question for the clinician"),
        required=False,
        limit=MAX_QUESTION,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, clinicians, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in clinicians}
        self.fields["clinician"].choices = [
            (pk, person.get_display_name()) for pk, person in self.people.items()
        ]

    def request(self) -> dict | None:
        """The clinician and question to send, or None (and an error shown)."""
        person = self.people.get(self.cleaned_data.get("clinician") or "")
        if person is None:
            self.add_error("clinician", _("Choose a clinician from the list."))
            return None
        return {"clinician": person, "question": self.cleaned_data["question"]}


class AssessmentForm(forms.ModelForm):
    suggested_centres = IdsInRangeField(
        label=_("Suggested centres"),
        queryset=TreatmentCentre.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Assessment
        fields = [
            "diagnosis_confirmed",
            "stage_confirmed",
            "treatments_so_far",
            "ecog",
            "missing",
            "conclusion",
            "reasoning",
            "suggested_centres",
        ]
        widgets = {
            "diagnosis_confirmed": forms.Textarea(attrs={"rows": 2}),
            "treatments_so_far": forms.Textarea(attrs={"rows": 2}),
            "missing": forms.Textarea(attrs={"rows": 2}),
            "reasoning": forms.Textarea(attrs={"rows": 4}),
            "ecog": forms.RadioSelect,
            "conclusion": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required radios: Django's "---------" blank choice would be a valid-looking
        # option that can only fail on submit.
        for name in ("ecog", "conclusion"):
            field = self.fields[name]
            field.choices = [c for c in field.choices if c[0] not in ("", None)]


class PatientMessageForm(forms.Form):
    """The secure link's one composer: a message, files, or both.

    Each file goes through the first form's checks. A refused file refuses the
    whole post, so a message that says "attached" never arrives alone; the
    page shows the message again with what was wrong.
    """

    body = LimitedTextField(
        label=_("Your message"),
        required=False,
        limit=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    files = MultipleFileField(
        label=_("Medical records (PDF, JPEG, PNG or DICOM)"), required=False
    )

    def __init__(self, *args, skipped=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.skipped = list(skipped)
        self.accepted: list[CheckedUpload] = []

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        problems = [too_large_message(name) for name in self.skipped]
        for upload in uploads:
            try:
                self.accepted.append(
                    CheckedUpload(file=upload, info=inspect_upload(upload))
                )
            except FileRejected as rejected:
                problems.append(rejected.message)
        if problems:
            raise ValidationError(problems)
        return None

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("body", "").strip() and not self.accepted:
            raise ValidationError(
                _("Write a message or choose a file to send."), code="empty"
            )
        return data
