"""What the patient's page shows besides the messages: the case's state in
plain words and every file we have received from them."""

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


def patient_state(inquiry) -> str:
    return STATE_WORDS.get(inquiry.status, Status(inquiry.status).label)


def patient_files(inquiry):
    """Every file attached to the inquiry, oldest first, by the name it was sent
    with: the patient sent them, so showing the names reveals nothing new."""
    return inquiry.files.order_by("uploaded_at", "pk").only(
        "original_name", "uploaded_at", "size", "inquiry_id"
    )
