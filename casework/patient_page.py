"""What the patient's page shows besides the messages: the case's state in
plain words, what happens next and when, and what we have received from them."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from inquiries.workflow import Status

# The coordinator's statuses, as a patient would want them told: what is
# happening now and whether anything is expected of them.
STATE_WORDS = {
    Status.NEW: _(
        "We have received your inquiry. A coordinator will read it and write to "
        "you here."
    ),
    Status.TRIAGED: _("A coordinator is looking at your case."),
    Status.RECORDS_REQUESTED: _(
        "We have asked you for more medical records. Please send them with the "
        "form below."
    ),
    Status.MEDICAL_REVIEW: _("A doctor is reviewing your medical records."),
    Status.HOSPITAL_COORDINATION: _("We are talking with hospitals about your case."),
    Status.TRAVEL_ADMISSION: _("We are helping you with travel and admission."),
    Status.CLOSED: _("This inquiry is closed."),
}

# What comes next and when, by status. Only the first reply has a promised time
# (INQUIRY_FIRST_RESPONSE_HOURS, as on the thank-you page and in the
# acknowledgement); the later steps are told by what starts them.
NEXT_WORDS = {
    Status.NEW: _(
        "A coordinator usually replies within %(hours)d hours on working days. "
        "We send you an e-mail when there is a reply."
    ),
    Status.TRIAGED: _(
        "Your coordinator writes to you here when they need something from you, "
        "or when a doctor has looked at your case. We send you an e-mail each "
        "time."
    ),
    Status.RECORDS_REQUESTED: _(
        "When your records arrive, a doctor reviews them. Until then your case "
        "waits for them. If you cannot get a record, tell your coordinator here."
    ),
    Status.MEDICAL_REVIEW: _(
        "When the doctor has finished, your coordinator writes to you here with "
        "what they found and what you could do next. We send you an e-mail then."
    ),
    Status.HOSPITAL_COORDINATION: _(
        "When a hospital answers, your coordinator tells you here which hospital "
        "it is and what it said. Nothing is arranged without your agreement."
    ),
    Status.TRAVEL_ADMISSION: _(
        "Your coordinator writes to you here about dates, travel and the "
        "documents you need. Ask them anything here."
    ),
    Status.CLOSED: _(
        "Nothing more happens on this inquiry. You can still read the messages."
    ),
}


@dataclass(frozen=True)
class PatientState:
    now: str  # where the case is
    next: str  # what happens next, and when


def patient_state(inquiry) -> PatientState:
    status = inquiry.status
    return PatientState(
        now=str(STATE_WORDS.get(status, Status(status).label)),
        next=str(NEXT_WORDS.get(status, ""))
        % {"hours": settings.INQUIRY_FIRST_RESPONSE_HOURS},
    )


def patient_files(inquiry):
    """Every file attached to the inquiry, oldest first, by the name it was sent
    with: the patient sent them, so showing the names reveals nothing new."""
    return inquiry.files.order_by("uploaded_at", "pk").only(
        "original_name", "uploaded_at", "size", "inquiry_id"
    )
