"""Which staff-written models may put words on a public page, and why.

Every model a staff role may add or change is reviewed content
(``reviews.registry``), part of a reviewed guide's snapshot, or listed here with
the reason its words never reach a public page; ``test_no_unreviewed_words``
checks the lists by writing markers and rendering every public page.
"""

from django.apps import apps

from cancerfax.roles import ROLE_PERMISSIONS
from reviews.registry import reviewed_type_for

# Rows whose words patients see only through their guide's approved snapshot.
PARTS_OF_REVIEWED = {
    "guides.Section": "guides.Guide",
    "guides.SectionItem": "guides.Guide",
    "guides.Citation": "guides.Guide",
}

# Proven by ``test_no_allowlisted_words_reach_a_public_page``.
NOT_ON_PUBLIC_PAGES = {
    "search.Synonym": "widens a search among approved pages; never printed",
    "reviews.ReviewRecord": "notes and evidence stay in the admin; pages show "
    "the signatures copied from reviewer profiles and the dates",
    "inquiries.Inquiry": "a patient's own inquiry: staff pages only",
    "inquiries.OutboxEmail": "e-mails to one patient or to staff, never a page",
    "publishing.EdgePurge": "addresses a cache must forget, and its errors; "
    "editors may only retry one (an admin action)",
    "inquiries.HeldSubmission": "a patient's form held for a check; coordinators "
    "only release or delete it (admin actions)",
    "casework.TreatmentCentre": "the coordinators' directory: staff pages only",
    "casework.MessageTemplate": "a coordinator's starting text for a message to "
    "one patient, sent under their name behind that patient's secret link",
    "casework.Message": "a coordinator's message to one patient, shown only "
    "behind that patient's secret link (not a public page)",
    "casework.PatientLink": "holds a key hash, no words",
    "casework.AssessmentRequest": "a question to one clinician: staff pages only",
    "casework.Assessment": "a clinician's signed assessment: staff pages only",
    "reviews.TranslationPolicy": "the medical team's choice per kind (a code): "
    "which approved words an out-of-date translation's page shows",
}


def role_writable_models() -> set[str]:
    """Labels of every model some staff role may add or change."""
    labels = set()
    for permissions in ROLE_PERMISSIONS.values():
        for permission in permissions:
            app_label, codename = permission.split(".")
            action, _, model_name = codename.partition("_")
            if action in {"add", "change"}:
                labels.add(apps.get_model(app_label, model_name)._meta.label)
    return labels


def is_reviewed(label: str) -> bool:
    try:
        reviewed_type_for(apps.get_model(label))
    except LookupError:
        return False
    return True


def unaccounted(labels) -> list[str]:
    """Writable models whose words could reach patients unreviewed."""
    return sorted(
        label
        for label in labels
        if not is_reviewed(label)
        and label not in PARTS_OF_REVIEWED
        and label not in NOT_ON_PUBLIC_PAGES
    )
