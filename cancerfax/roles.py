"""The staff roles and what each may do, as Django groups.

Groups are synchronised after every ``migrate`` so a new database, a test database
and production agree. Permissions are ``app_label.codename``; a role's list is the
whole truth for that group (permissions not listed are removed).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

MEDICAL_EDITOR = "Medical editor"
MEDICAL_REVIEWER = "Medical reviewer"
REVIEW_LEAD = "Review lead"
COORDINATOR = "Coordinator"
# Doctors who assess cases: they see only the inquiries sent to them (casework).
CLINICIAN = "Clinician"


def _crud(app_label, models, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{a}_{m}" for m in models for a in actions]


CONTENT_MODELS = {
    "topics": ["topic"],
    "guides": [
        "guide",
        "section",
        "sectionitem",
        "cancerindication",
        "citation",
        "fact",
    ],  # fmt: skip
    "faq": ["faqentry"],
    "trust": ["trustpage"],
    "glossary": ["glossaryterm"],
    "images": ["image"],
    # Not reviewed: they only widen a search among approved pages and are never
    # printed (tests/public_words/), but edited by the same people.
    "search": ["synonym"],
}


def _content(actions=("add", "change", "delete", "view")):
    return [
        perm
        for app_label, models in CONTENT_MODELS.items()
        for perm in _crud(app_label, models, actions)
    ]


# Review records are append-only: no role has change or delete on them, and the
# admin refuses both to superusers too.
REVIEW_READ = _crud(
    "reviews", ["contentversion", "reviewrecord", "reviewer"], actions=("view",)
)
# Reviewer profiles are identities patients rely on: only a review lead (or a
# site administrator) edits them, and every change is logged.
REVIEWER_PROFILES = [
    *_crud("reviews", ["reviewer"], actions=("add", "change", "view")),
    "reviews.view_reviewerchange",
]

ROLE_PERMISSIONS = {
    MEDICAL_EDITOR: [
        *_content(),
        *REVIEW_READ,
        # Translators' files and submitting translations for review.
        *_crud("reviews", ["translation"], actions=("change", "view")),
        "reviews.view_translationpolicy",
        "reviews.publish_minor_change",
        # Whether a shared cache forgot the pages an approval replaced; retry it.
        *_crud("publishing", ["edgepurge"], actions=("view", "change")),
    ],
    MEDICAL_REVIEWER: [
        *_content(actions=("view",)),
        *REVIEW_READ,
        "reviews.view_translation",
        "reviews.view_translationpolicy",
        "reviews.add_reviewrecord",
        "reviews.view_reviewreminder",
    ],
    REVIEW_LEAD: [
        *_content(actions=("view",)),
        *REVIEW_READ,
        "reviews.view_translation",
        # The medical team's policy for out-of-date translations.
        *_crud("reviews", ["translationpolicy"]),
        *REVIEWER_PROFILES,
        "reviews.view_reviewreminder",
    ],
    COORDINATOR: [
        *_crud("inquiries", ["inquiry"], actions=("view", "change")),
        "inquiries.export_inquiry",
        "inquiries.erase_inquiry",
        *_crud("inquiries", ["outboxemail"], actions=("view", "change")),
        "inquiries.view_accesslog",
        *_crud("casework", ["treatmentcentre", "messagetemplate"]),
        *_crud("casework", ["message", "patientlink"], actions=("add", "view")),
        "casework.change_patientlink",
        *_crud("casework", ["assessmentrequest"], actions=("add", "view")),
        "casework.view_assessment",
    ],
    # No permission on inquiries at all: what a clinician sees is decided per
    # request sent to them (casework.access), never by a model permission.
    CLINICIAN: [
        "casework.view_assessmentrequest",
        "casework.add_assessment",
        "casework.view_assessment",
        "casework.view_treatmentcentre",
    ],
}


def sync_roles_after_migrate(app_config, **kwargs):
    """``post_migrate`` comes once per app, in the order of ``INSTALLED_APPS``; the
    groups need every app's permissions, which exist after the last app's turn.
    Syncing on each turn cost a second per migrate or flush (23 apps)."""
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if app_config is with_models[-1]:
        sync_roles()


def sync_roles():
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
