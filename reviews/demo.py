"""Demo reviewers and approvals, so the demo site shows its review line.

``load_demo`` calls ``approve_demo_content`` after loading the content. Only the
demo's own guides, questions and cancer types are approved: real content on the
same database still waits for a real reviewer.
"""

from django.contrib.auth import get_user_model

from cancerfax import roles
from faq.models import FaqEntry
from guides import demo_content
from guides.models import CancerIndication, Guide

from .models import ContentVersion, Reviewer
from .registry import reviewed_type_for
from .services import version_approve, version_capture

PANEL = {
    "name": "CancerFax Medical Team — Oncology & Haematology Specialists",
    "kind": Reviewer.Kind.PANEL,
    "credentials": "Consultant medical oncologists and haematologists",
    "specialty": "Oncology and haematology",
}
# A fictitious person: the demo must not borrow a real clinician's name.
PERSON = {
    "name": "Dr Jordan Lee",
    "kind": Reviewer.Kind.PERSON,
    "credentials": "MBBS, MRCP",
    "specialty": "Medical oncology",
}
NOTES = "Demo content, approved by load_demo."


def demo_reviewers():
    """The demo panel and its one named member, linked to the demo reviewer user.

    Returns the reviewers and the user who records their reviews (``None``
    when the demo users were not created).
    """
    panel, _ = Reviewer.objects.get_or_create(name=PANEL["name"], defaults=PANEL)
    person, _ = Reviewer.objects.get_or_create(name=PERSON["name"], defaults=PERSON)
    username = next(
        user["username"]
        for user in demo_content.DEMO_USERS
        if user["role"] == roles.MEDICAL_REVIEWER
    )
    user = get_user_model().objects.filter(username=username).first()
    unlinked = user is not None and person.user_id is None
    if unlinked and not Reviewer.objects.filter(user=user).exists():
        person.user = user
        person.save(update_fields=["user"])
    panel.members.add(person)
    recorder = user if user is not None and person.user_id == user.pk else None
    return [panel, person], recorder


def approve_current_content(objects, *, reviewers, user=None, notes=""):
    """Approve each object's current content; return how many were approved.

    For demo and test data only: it approves without anyone reading a diff.
    Objects already approved as they are stay untouched.
    """
    approved = 0
    for obj in objects:
        version_capture(obj=obj, user=None)
        waiting = (
            ContentVersion.objects.of(reviewed_type_for(obj).kind, obj.pk)
            .filter(
                status__in=[
                    ContentVersion.Status.PENDING,
                    ContentVersion.Status.CHANGES_REQUESTED,
                ]
            )
            .first()
        )
        if waiting is not None:
            version_approve(
                version=waiting, user=user, reviewers=reviewers, notes=notes
            )
            approved += 1
    return approved


def approve_demo_content(stdout=None):
    """Create the demo reviewers and approve the published demo content.

    Idempotent: a second run finds everything approved and changes nothing.
    """
    reviewers, user = demo_reviewers()
    objects = [
        *Guide.objects.published().filter(
            slug__in=[guide["slug"] for guide in demo_content.GUIDES]
        ),
        *FaqEntry.objects.published().filter(
            slug__in=[entry["slug"] for entry in demo_content.FAQ_ENTRIES]
        ),
        *CancerIndication.objects.published().filter(
            slug__in=[data["slug"] for data in demo_content.INDICATIONS]
        ),
    ]
    count = approve_current_content(
        objects, reviewers=reviewers, user=user, notes=NOTES
    )
    if stdout is not None and count:
        stdout.write(f"Medical review: approved {count} demo item(s).\n")
    return count
