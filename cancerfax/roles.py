"""The staff roles and what each may do, as Django groups.

Groups are synchronised after every ``migrate`` so a new database, a test database
and production agree. Permissions are ``app_label.codename``; a role's list is the
whole truth for that group (permissions not listed are removed).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

MEDICAL_EDITOR = "Medical editor"
MEDICAL_REVIEWER = "Medical reviewer"
COORDINATOR = "Coordinator"

CONTENT_MODELS = {
    "guides": ["topic", "guide", "section", "sectionitem", "cancerindication"],
    "faq": ["faqentry"],
}


def _crud(app_label, models, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{a}_{m}" for m in models for a in actions]


# Review records are append-only: no role has change or delete on them, and the
# admin refuses both to superusers too.
REVIEW_READ = _crud(
    "reviews", ["contentversion", "reviewrecord", "reviewer"], actions=("view",)
)

ROLE_PERMISSIONS = {
    MEDICAL_EDITOR: [
        *_crud("guides", CONTENT_MODELS["guides"]),
        *_crud("faq", CONTENT_MODELS["faq"]),
        *_crud("reviews", ["citation"]),
        *REVIEW_READ,
        "reviews.publish_minor_change",
    ],
    MEDICAL_REVIEWER: [
        *_crud("guides", CONTENT_MODELS["guides"], actions=("view",)),
        *_crud("faq", CONTENT_MODELS["faq"], actions=("view",)),
        *_crud("reviews", ["citation"], actions=("view",)),
        *REVIEW_READ,
        "reviews.add_reviewrecord",
        "reviews.add_reviewer",
        "reviews.change_reviewer",
        "reviews.view_reviewreminder",
    ],
    COORDINATOR: [
        *_crud("inquiries", ["inquiry"], actions=("view", "change")),
        "inquiries.export_inquiry",
        "inquiries.erase_inquiry",
        *_crud("inquiries", ["outboxemail"], actions=("view", "change")),
        "inquiries.view_accesslog",
    ],
}


def sync_roles(**kwargs):
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
