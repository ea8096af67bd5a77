"""Demo reviewers and approvals, so the demo site shows its review line.

``load_demo`` calls ``approve_demo_content`` after loading the content. Only the
demo's own guides, questions and cancer types are approved: real content on the
same database still waits for a real reviewer.
"""

from django.contrib.auth import get_user_model

from cancerfax import roles
from faq.models import FaqEntry
from glossary import demo_content as glossary_demo
from glossary.models import GlossaryTerm
from images.demo import DEMO_IMAGES
from images.models import Image
from reviews.demo import approve_current_content
from reviews.evidence import strip_claim_markers
from reviews.models import Reviewer
from topics.models import Topic
from trust import demo_content as trust_demo
from trust.models import TrustPage

from . import demo_content
from .demo_content.no_source import NO_SOURCE_REASONS
from .models import CancerIndication, Fact, Guide

PANEL = {
    "name": "CancerFax Medical Team — Oncology & Haematology Specialists",
    "kind": Reviewer.Kind.PANEL,
    "credentials": "Consultant medical oncologists and haematologists",
    "specialty": "Oncology and haematology",
    "bio": (
        "The demonstration site's review panel. A real panel's page names its "
        "members, how it reaches a decision and how members declare their ties "
        "to hospitals and companies."
    ),
}
# A fictitious person: the demo must not borrow a real clinician's name.
PERSON = {
    "name": "Dr Jordan Lee",
    "kind": Reviewer.Kind.PERSON,
    "credentials": "MBBS, MRCP",
    "specialty": "Medical oncology",
    "bio": (
        "A fictitious reviewer for the demonstration site. A real profile gives "
        "the reviewer's training, current post and years of practice, and any "
        "tie to a hospital or company whose treatment they review."
    ),
}
NOTES = "Demo content, approved by load_demo."


def demo_reviewers():
    """The demo panel and its one named member, linked to the demo reviewer user.

    Returns the reviewers and the user who records their reviews (``None``
    when the demo users were not created).
    """
    panel, _ = Reviewer.objects.get_or_create(name=PANEL["name"], defaults=PANEL)
    person, _ = Reviewer.objects.get_or_create(name=PERSON["name"], defaults=PERSON)
    email = next(
        user["email"]
        for user in demo_content.DEMO_USERS
        if user["role"] == roles.MEDICAL_REVIEWER
    )
    user = get_user_model().objects.filter(email=email).first()
    unlinked = user is not None and person.user_id is None
    if unlinked and not Reviewer.objects.filter(user=user).exists():
        person.user = user
        person.save(update_fields=["user"])
    panel.members.add(person)
    recorder = user if user is not None and person.user_id == user.pk else None
    return [panel, person], recorder


def demo_no_source_reason(finding) -> str:
    """The demo reviewer's reason a flagged sentence needs no source ("" for
    none: the approval is then refused, naming it)."""
    return NO_SOURCE_REASONS.get(strip_claim_markers(finding.sentence), "")


def approve_demo_content(stdout=None):
    """Create the demo reviewers and approve the published demo content.

    Idempotent: a second run finds everything approved and changes nothing.
    """
    reviewers, user = demo_reviewers()
    objects = [
        # First: the approvals below copy the signers' approved profiles.
        *reviewers,
        *Topic.objects.filter(
            slug__in=[topic["slug"] for topic in demo_content.TOPICS]
        ),
        # Before the guides that show them: a picture and a fact are each
        # approved on their own.
        *Image.objects.filter(title__in=[image["title"] for image in DEMO_IMAGES]),
        *Fact.objects.published().filter(
            slug__in=[fact["slug"] for fact in demo_content.FACTS]
        ),
        *Guide.objects.published().filter(
            slug__in=[guide["slug"] for guide in demo_content.GUIDES]
        ),
        *FaqEntry.objects.published().filter(
            slug__in=[entry["slug"] for entry in demo_content.FAQ_ENTRIES]
        ),
        *CancerIndication.objects.published().filter(
            slug__in=[data["slug"] for data in demo_content.INDICATIONS]
        ),
        *TrustPage.objects.published().filter(
            kind__in=[page["kind"] for page in trust_demo.PAGES]
        ),
        *GlossaryTerm.objects.published().filter(
            slug__in=[term["slug"] for term in glossary_demo.TERMS]
        ),
    ]
    count = approve_current_content(
        objects,
        reviewers=reviewers,
        user=user,
        notes=NOTES,
        no_source_reason=demo_no_source_reason,
    )
    if stdout is not None and count:
        stdout.write(f"Medical review: approved {count} demo item(s).\n")
    return count
